package com.fmugateway.adapter.in.portal.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.CheckoutState;
import com.fmugateway.domain.checkout.port.in.StartCheckoutCommand;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The page a provider returns the browser to after a checkout opened through the API: open to
 * anyone holding the checkout's id, saying whether the payment arrived and what to do next.
 */
@PortalSliceTest
class CheckoutReturnPageTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void aPaidRun_showsPaymentReceivedAndTheTokenToSendAgain_withoutLoggingIn() {
    String session = checkout(Optional.empty());
    gateway
        .payments
        .deliver(gateway.provider.pay(gateway.provider.providerSession(session)))
        .block();
    String token =
        ((CheckoutState.PaidRun) gateway.checkouts.returnedFrom(session).block()).token().reveal();

    String page = PortalBrowser.visitor(client).page("/portal/checkout/" + session);

    assertThat(page).contains("Payment received").contains("1.00 USD").contains(token);
    assertThat(page).contains("POST /simulate").contains("data-state=\"paid\"");
  }

  @Test
  void aPaidPack_saysHowManyCreditsWereAdded() {
    String session = checkout(Optional.of("10"));
    gateway
        .payments
        .deliver(gateway.provider.pay(gateway.provider.providerSession(session)))
        .block();

    String page = PortalBrowser.visitor(client).page("/portal/checkout/" + session);

    assertThat(page).contains("Payment received").contains("100 credits were added");
  }

  @Test
  void aPendingCheckout_saysItIsBeingConfirmed() {
    String session = checkout(Optional.empty());

    String page = PortalBrowser.visitor(client).page("/portal/checkout/" + session);

    assertThat(page).contains("Confirming your payment").doesNotContain("Payment received");
  }

  @Test
  void anUnknownCheckout_is404() {
    client
        .get()
        .uri("/portal/checkout/cs_00000000000000000000000000000000")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("No such checkout"));
  }

  private String checkout(Optional<String> pack) {
    AccountId account = gateway.payments.newAccount();
    return gateway
        .checkouts
        .start(
            new StartCheckoutCommand(
                account,
                pack,
                pack.isEmpty() ? Optional.of("lib:AllTypes") : Optional.empty(),
                CheckoutOptions.DEFAULT))
        .block()
        .session()
        .id()
        .value();
  }
}
