package com.fmugateway.adapter.out.persistence.fmu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.database.DatabaseActivity;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.FmuCatalogContract;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.FmuRecord;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.fmu.port.out.FmuCatalog;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcFmuCatalogIT extends FmuCatalogContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcFmuCatalog catalog;
  @Autowired R2dbcAccounts accounts;
  @Autowired DatabaseClient db;
  @Autowired DatabaseActivity activity;

  @Override
  protected AccountId newAccount() {
    return TestAccounts.create(accounts);
  }

  @Override
  protected FmuCatalog catalog() {
    return catalog;
  }

  @Test
  void anUploadThisGatewayRegistered_isFoundWithoutARoundTrip_andStillOnlyByItsOwner() {
    AccountId owner = newAccount();
    AccountId stranger = newAccount();
    FmuRecord registered = catalog.register(upload(owner, "1")).block();
    long before = roundTrips();

    assertThat(catalog.find(owner, registered.id()).block()).isEqualTo(registered);
    assertThat(catalog.find(stranger, registered.id()).block()).isNull();

    assertThat(roundTrips()).isEqualTo(before);
  }

  @Test
  void anUploadMadeThroughAnotherGateway_isFoundOnItsFirstLookupHere_evenAfterAMiss() {
    R2dbcFmuCatalog other = new R2dbcFmuCatalog(db);
    AccountId owner = newAccount();
    FmuRecord upload = upload(owner, "2");
    assertThat(catalog.find(owner, upload.id()).block()).isNull();

    FmuRecord registered = other.register(upload).block();

    assertThat(catalog.find(owner, registered.id()).block()).isEqualTo(registered);
    long before = roundTrips();
    assertThat(catalog.find(owner, registered.id()).block()).isEqualTo(registered);
    assertThat(roundTrips()).isEqualTo(before);
  }

  private long roundTrips() {
    return activity.counts().get("round_trips");
  }

  private static FmuRecord upload(AccountId owner, String hexDigit) {
    return new FmuRecord(
        FmuId.newUpload(),
        owner,
        new Sha256(hexDigit.repeat(64)),
        "Cached",
        "2.0",
        Set.of(FmuInterface.CO_SIMULATION),
        10,
        Instant.parse("2026-05-01T08:00:00Z"));
  }
}
