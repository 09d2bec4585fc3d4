package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.security.PortalSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;

/**
 * Nobody can fill the portal's session store, which refuses every new session once it holds {@code
 * server.reactive.session.max-sessions} (here {@value #STORE}), and so lock customers out of the
 * portal: visitors and failed log-ins make no session, and an account keeps only its {@link
 * PortalSecurity#SESSIONS_PER_ACCOUNT} latest ones. Before, each visit to a page behind the log-in
 * made a session: ten thousand such requests, a few seconds of one client, and every page behind
 * the log-in answered 500 to everyone until the sessions expired (30 minutes).
 */
@TestPropertySource(properties = "server.reactive.session.max-sessions=" + PortalSessionsIT.STORE)
class PortalSessionsIT extends AbstractGatewayIT {

  /** Room for one account's {@link PortalSecurity#SESSIONS_PER_ACCOUNT} and the tests' others. */
  static final int STORE = 16;

  private static final String PASSWORD = "sessions galore 2026";

  @Test
  void visitorsAndFailedLogIns_makeNoSession_andTheTypedEmailComesBack() {
    String email = signUp();
    for (int i = 0; i < 3; i++) {
      PortalSession visitor = PortalSession.visitor(client);
      EntityExchangeResult<Void> sentToLogIn = visitor.visit("/portal/keys");
      assertThat(sentToLogIn.getStatus().value()).isEqualTo(302);
      assertNoSession(sentToLogIn.getResponseCookies());
      EntityExchangeResult<String> failed = visitor.submitLogIn(email, "wrong " + i);
      assertThat(failed.getResponseHeaders().getLocation()).hasToString("/portal/login?error");
      assertNoSession(failed.getResponseCookies());
      assertThat(visitor.page("/portal/login?error")).contains("value=\"" + email + "\"");
    }

    PortalSession customer = PortalSession.logIn(client, email, PASSWORD);
    assertThat(customer.page("/portal")).contains("<title>Dashboard</title>");
  }

  @Test
  void anAccountKeepsItsLatestSessions_soOneCustomerCannotFillTheStore() {
    String email = signUp();
    List<PortalSession> logIns = new ArrayList<>();
    for (int i = 0; i < PortalSecurity.SESSIONS_PER_ACCOUNT + 2; i++) {
      logIns.add(PortalSession.logIn(client, email, PASSWORD));
    }

    int kept = PortalSecurity.SESSIONS_PER_ACCOUNT;
    for (PortalSession latest : logIns.subList(logIns.size() - kept, logIns.size())) {
      assertThat(latest.page("/portal")).contains("<title>Dashboard</title>");
    }
    PortalSession ended = logIns.get(logIns.size() - kept - 1);
    ended.get("/portal", MediaType.TEXT_HTML).expectStatus().isFound();

    String other = signUp();
    assertThat(PortalSession.logIn(client, other, PASSWORD).page("/portal"))
        .contains("<title>Dashboard</title>");
  }

  @Test
  void aVisitorSentToLogIn_returnsToThePageAskedFor() {
    String email = signUp();
    PortalSession visitor = PortalSession.visitor(client);
    assertThat(visitor.visit("/portal/keys").getStatus().value()).isEqualTo(302);

    EntityExchangeResult<String> loggedIn = visitor.submitLogIn(email, PASSWORD);

    assertThat(loggedIn.getResponseHeaders().getLocation()).hasPath("/portal/keys");
    assertThat(loggedIn.getResponseCookies()).containsKey("SESSION");
    assertThat(visitor.page("/portal/keys")).contains("<title>API keys</title>");
    assertThat(
            visitor
                .post("/portal/logout", visitor.page("/portal/keys"))
                .getResponseHeaders()
                .getLocation())
        .hasToString("/portal/login?logout");
    EntityExchangeResult<String> again = visitor.submitLogIn(email, PASSWORD);
    assertThat(again.getResponseHeaders().getLocation())
        .as("the page was shown once")
        .hasPath("/portal");
  }

  private String signUp() {
    String email = "sessions-" + UUID.randomUUID() + "@example.com";
    TestKeys.signUp(client, email, PASSWORD);
    return email;
  }

  private static void assertNoSession(MultiValueMap<String, ResponseCookie> cookies) {
    assertThat(cookies).doesNotContainKey("SESSION");
  }
}
