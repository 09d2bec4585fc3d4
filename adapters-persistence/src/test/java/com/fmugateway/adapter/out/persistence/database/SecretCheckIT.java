package com.fmugateway.adapter.out.persistence.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class SecretCheckIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired DatabaseServer database;

  @Test
  void theFirstSecretIsRecorded_theSameOnePasses_anotherIsRefusedInOneSentence() {
    SecretCheck.verify(database.endpoint(), "aaaa");

    assertThatCode(() -> SecretCheck.verify(database.endpoint(), "aaaa"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SecretCheck.verify(database.endpoint(), "bbbb"))
        .isInstanceOf(SecretCheck.SecretMismatchException.class)
        .hasMessageStartingWith("FMUGW_API_KEY_SECRET is not the secret")
        .hasMessageNotContaining("\n");
  }
}
