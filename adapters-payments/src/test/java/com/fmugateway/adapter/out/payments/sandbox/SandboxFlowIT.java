package com.fmugateway.adapter.out.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.Checkouts;
import com.fmugateway.adapter.out.payments.PaymentsTestApplication;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderEvent;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The sandbox's whole flow over real HTTP, as the README's offline run shows it. */
@SpringBootTest(
    classes = PaymentsTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT)
class SandboxFlowIT {

  private static final Pattern PAY_ACTION = Pattern.compile("action=\"([^\"]+/pay)\"");

  @LocalServerPort int port;
  @Autowired PaymentProvider sandbox;
  @Autowired BlockingQueue<ProviderEvent> verifiedEvents;

  @Test
  void aCustomerPaysOnTheSandboxPage_andTheGatewayGetsAVerifiedPaidEventBeforeTheRedirect()
      throws Exception {
    CheckoutRequest request = Checkouts.request(PaymentMethod.CRYPTO);
    ProviderCheckout checkout = sandbox.createCheckout(request).block();
    assertThat(checkout.checkoutUrl())
        .startsWith("http://localhost:" + port + "/sandbox/checkout/");
    WebTestClient browser = WebTestClient.bindToServer().build();

    String page =
        browser
            .get()
            .uri(checkout.checkoutUrl())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    Matcher pay = PAY_ACTION.matcher(page);
    assertThat(pay.find()).isTrue();
    browser
        .post()
        .uri(URI.create(checkout.checkoutUrl()).resolve(pay.group(1)))
        .exchange()
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location(request.successUrl());

    ProviderEvent event = verifiedEvents.poll(0, TimeUnit.SECONDS);
    assertThat(event).isNotNull();
    assertThat(event.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(event.reference()).contains(request.reference());
    assertThat(sandbox.status(checkout.providerSessionId()).block()).isEqualTo(PaymentStatus.PAID);
  }
}
