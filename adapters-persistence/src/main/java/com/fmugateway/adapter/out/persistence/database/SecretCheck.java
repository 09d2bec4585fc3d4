package com.fmugateway.adapter.out.persistence.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up check that this gateway hashes API keys with the same server secret as the gateways
 * before it: the first start records the secret's fingerprint, every later one compares with it.
 * Synchronous, like the schema migrations that run just before it.
 */
public final class SecretCheck {

  private static final Logger log = LoggerFactory.getLogger(SecretCheck.class);

  private SecretCheck() {}

  /**
   * Records {@code fingerprint} when none is stored yet, else compares it with the stored one.
   *
   * @throws SecretMismatchException when they differ
   */
  public static void verify(DatabaseEndpoint endpoint, String fingerprint) {
    try (Connection db =
        DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(), endpoint.password())) {
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO api_key_secret_check (id, fingerprint) VALUES (1, ?)"
                  + " ON CONFLICT (id) DO NOTHING")) {
        insert.setString(1, fingerprint);
        if (insert.executeUpdate() == 1) {
          log.info("Recorded the API key secret's fingerprint; later starts must use this secret");
          return;
        }
      }
      try (PreparedStatement select =
              db.prepareStatement("SELECT fingerprint FROM api_key_secret_check WHERE id = 1");
          ResultSet stored = select.executeQuery()) {
        if (stored.next() && !stored.getString(1).equals(fingerprint)) {
          throw new SecretMismatchException();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not check the API key secret against the database", e);
    }
  }

  /** The configured server secret is not the one the stored API keys were hashed with. */
  public static final class SecretMismatchException extends IllegalStateException {

    SecretMismatchException() {
      super(
          "FMUGW_API_KEY_SECRET is not the secret this database's API keys were hashed with:"
              + " set it to the base64 value the other gateways use (or that is in the first"
              + " gateway's data/api-key-secret); refusing to start rather than reject every key");
    }
  }
}
