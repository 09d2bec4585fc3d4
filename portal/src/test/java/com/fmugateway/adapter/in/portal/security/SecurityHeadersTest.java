package com.fmugateway.adapter.in.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The portal's response headers, and pages that keep to its Content-Security-Policy (no inline
 * script, handler or style). Without the behind-proxy setting a forwarded "https" is not believed
 * (with it: bootstrap's {@code BehindProxyIT}, which also sees the cookie's {@code SameSite=Lax}).
 */
@PortalSliceTest
class SecurityHeadersTest {

  private static final Pattern INLINE =
      Pattern.compile(
          "<script(?![^>]*\\b(src|type=\"application/json\")\\b)[^>]*>|\\son[a-z]+=\"|\\sstyle=\"");

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void portalPages_carryAContentSecurityPolicyAllowingOnlyTheGatewayItself() {
    for (String page : List.of("/", "/portal/login", "/portal/signup")) {
      client
          .get()
          .uri(page)
          .exchange()
          .expectHeader()
          .valueEquals("Content-Security-Policy", PortalSecurity.CONTENT_SECURITY_POLICY)
          .expectHeader()
          .valueEquals("X-Content-Type-Options", "nosniff");
    }
    assertThat(PortalSecurity.CONTENT_SECURITY_POLICY)
        .contains("script-src 'self'")
        .contains("style-src 'self'")
        .doesNotContain("unsafe-inline");
  }

  @Test
  void pagesWithScripts_haveNoneInline() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    PortalBrowser visitor = PortalBrowser.visitor(client);
    String welcome =
        visitor
            .post(
                "/portal/signup",
                visitor.page("/portal/signup"),
                "email",
                "csp-" + System.nanoTime() + "@example.com",
                "password",
                PortalBrowser.PASSWORD)
            .getResponseBody();

    for (String page :
        List.of(
            welcome,
            customer.page("/portal"),
            customer.page("/portal/keys"),
            customer.page("/portal/run"))) {
      assertThat(INLINE.matcher(page).find()).as(page).isFalse();
    }
  }

  @Test
  void aForwardedHttpsIsIgnoredUnlessConfigured_noHstsAndNoSecureCookie() {
    client
        .get()
        .uri("/portal/login")
        .header("X-Forwarded-Proto", "https")
        .exchange()
        .expectHeader()
        .doesNotExist("Strict-Transport-Security")
        .expectHeader()
        .value(
            HttpHeaders.SET_COOKIE,
            cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").doesNotContain("Secure"));
  }
}
