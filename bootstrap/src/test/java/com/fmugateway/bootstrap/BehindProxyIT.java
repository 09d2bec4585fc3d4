package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

/**
 * With {@code fmugw.http.behind-proxy=true}, a request the proxy marks as HTTPS gets HSTS and a
 * {@code Secure} session cookie; plain HTTP gets neither. (Without the setting the header is
 * ignored: the portal's {@code SecurityHeadersTest}.)
 */
class BehindProxyIT {

  @TempDir Path dataDir;

  @Test
  void aRequestForwardedAsHttps_getsHstsAndASecureSameSiteCookie_plainHttpDoesNot() {
    try (RunningGateway gateway =
        RunningGateway.startFresh(dataDir, Map.of("fmugw.http.behind-proxy", "true"))) {
      gateway
          .client()
          .get()
          .uri("/portal/login")
          .header("X-Forwarded-Proto", "https")
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .value("Strict-Transport-Security", hsts -> assertThat(hsts).contains("max-age="))
          .expectHeader()
          .value(
              HttpHeaders.SET_COOKIE,
              cookie -> assertThat(cookie).contains("Secure").contains("SameSite=Lax"));

      gateway
          .client()
          .get()
          .uri("/portal/login")
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .doesNotExist("Strict-Transport-Security")
          .expectHeader()
          .value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie).doesNotContain("Secure"));
    }
  }
}
