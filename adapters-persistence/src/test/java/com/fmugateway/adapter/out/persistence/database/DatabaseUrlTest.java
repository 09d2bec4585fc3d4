package com.fmugateway.adapter.out.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgres://gw:s3cr%40t@db.internal:6543/fmugw",
        "postgresql://gw:s3cr%40t@db.internal:6543/fmugw",
        "jdbc:postgresql://gw:s3cr%40t@db.internal:6543/fmugw",
        "r2dbc:postgresql://gw:s3cr%40t@db.internal:6543/fmugw"
      })
  void parse_acceptsTheFormsPeoplePaste(String url) {
    DatabaseEndpoint endpoint = DatabaseUrl.parse(url, Optional.empty(), Optional.empty());

    assertThat(endpoint.host()).isEqualTo("db.internal");
    assertThat(endpoint.port()).isEqualTo(6543);
    assertThat(endpoint.database()).isEqualTo("fmugw");
    assertThat(endpoint.username()).isEqualTo("gw");
    assertThat(endpoint.password()).isEqualTo("s3cr@t");
    assertThat(endpoint.kind()).isEqualTo(DatabaseEndpoint.Kind.EXTERNAL);
  }

  @Test
  void parse_letsExplicitCredentialsWinAndDefaultsThePort() {
    DatabaseEndpoint endpoint =
        DatabaseUrl.parse(
            "postgresql://url-user:url-pw@localhost/app", Optional.of("gw"), Optional.of("pw"));

    assertThat(endpoint.port()).isEqualTo(5432);
    assertThat(endpoint.username()).isEqualTo("gw");
    assertThat(endpoint.password()).isEqualTo("pw");
  }

  @Test
  void endpointDescription_neverContainsThePassword() {
    DatabaseEndpoint endpoint =
        DatabaseUrl.parse(
            "postgresql://gw:hunter2@localhost/app", Optional.empty(), Optional.empty());

    assertThat(endpoint.toString()).doesNotContain("hunter2");
    assertThat(endpoint.describe()).doesNotContain("hunter2");
  }

  @Test
  void parse_rejectsOtherDatabasesWithAClearMessage() {
    assertThatThrownBy(
            () -> DatabaseUrl.parse("mysql://localhost/app", Optional.empty(), Optional.empty()))
        .hasMessageContaining("postgresql://");
  }
}
