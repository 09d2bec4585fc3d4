package com.fmugateway.adapter.out.persistence.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads {@code FMUGW_DATABASE_URL} in the forms people paste: {@code postgres://user:pw@host/db},
 * {@code postgresql://…}, {@code jdbc:postgresql://…} or {@code r2dbc:postgresql://…}. Explicit
 * user and password settings win over credentials embedded in the URL.
 */
public final class DatabaseUrl {

  private static final int DEFAULT_PORT = 5432;

  private DatabaseUrl() {}

  public static DatabaseEndpoint parse(
      String url, Optional<String> username, Optional<String> password) {
    String stripped = url.strip().replaceFirst("^(jdbc|r2dbc):", "");
    URI uri;
    try {
      uri = URI.create(stripped);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("FMUGW_DATABASE_URL is not a valid URL", e);
    }
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "FMUGW_DATABASE_URL must be a postgresql:// URL, was scheme " + uri.getScheme());
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("FMUGW_DATABASE_URL has no host");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    String database = path.isEmpty() ? "postgres" : path;
    String[] userInfo = Optional.ofNullable(uri.getRawUserInfo()).orElse("").split(":", 2);
    String urlUser = userInfo[0].isEmpty() ? null : decode(userInfo[0]);
    String urlPassword = userInfo.length > 1 ? decode(userInfo[1]) : null;
    String user = username.filter(s -> !s.isBlank()).orElse(urlUser == null ? "postgres" : urlUser);
    String pw = password.filter(s -> !s.isEmpty()).orElse(urlPassword);
    int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
    return new DatabaseEndpoint(
        DatabaseEndpoint.Kind.EXTERNAL, uri.getHost(), port, database, user, pw);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
