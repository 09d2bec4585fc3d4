package com.fmugateway.adapter.out.persistence.database;

import java.util.Objects;

/** How to reach the PostgreSQL server in use; {@link #toString()} leaves the password out. */
public record DatabaseEndpoint(
    Kind kind, String host, int port, String database, String username, String password) {

  /** Whether the gateway runs the server itself or was pointed at one. */
  public enum Kind {
    EXTERNAL,
    EMBEDDED
  }

  public DatabaseEndpoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(username, "username");
    password = password == null ? "" : password;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** For logs and health: where, never with which secret. */
  public String describe() {
    return kind.name().toLowerCase() + " PostgreSQL at " + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "DatabaseEndpoint[" + describe() + ", user=" + username + "]";
  }
}
