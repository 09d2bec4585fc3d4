package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.payments.fake.FakeCoinbaseServer;
import com.fmugateway.adapter.out.payments.fake.FakeStripeServer;
import com.fmugateway.adapter.out.payments.fake.SignedWebhook;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The paying gateway with its real Stripe and Coinbase Commerce adapters, configured as an operator
 * would but pointed at local fakes of the two APIs: cards go to Stripe, crypto to Coinbase, and no
 * sandbox. The fakes live as long as the (cached) gateway. An operator account reads the audit log.
 */
@TestPropertySource(
    properties = {
      // Reconciliation asks about every pending checkout in the shared database, not 50.
      "fmugw.payments.reconcile.batch=1000",
      "fmugw.operator.email=ops@providers.test",
      "fmugw.operator.password=operator secret 2026"
    })
abstract class AbstractRealProvidersIT extends AbstractPaymentIT {

  protected static final FakeStripeServer STRIPE = new FakeStripeServer();
  protected static final FakeCoinbaseServer COINBASE = new FakeCoinbaseServer();

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("fmugw.payments.stripe.secret-key", () -> FakeStripeServer.API_KEY);
    registry.add("fmugw.payments.stripe.webhook-secret", () -> FakeStripeServer.WEBHOOK_SECRET);
    registry.add("fmugw.payments.stripe.api-base", STRIPE::baseUrl);
    registry.add("fmugw.payments.coinbase.api-key", () -> FakeCoinbaseServer.API_KEY);
    registry.add("fmugw.payments.coinbase.webhook-secret", () -> FakeCoinbaseServer.WEBHOOK_SECRET);
    registry.add("fmugw.payments.coinbase.api-base", COINBASE::baseUrl);
  }

  static Stream<Rail> rails() {
    return Stream.of(new StripeRail(STRIPE), new CoinbaseRail(COINBASE));
  }

  /** {@link #RUN}, paid with the rail's method. */
  protected static String run(Rail rail) {
    return RUN.replace("}", ",\"payment_method\":\"" + rail.method() + "\"}");
  }

  /**
   * What the customer's browser gets at {@code checkoutUrl}: the provider's page (the fakes show
   * the checkout as JSON), from which the customer pays.
   */
  protected Map<String, Object> open(String checkoutUrl) {
    return body(client.get().uri(URI.create(checkoutUrl)).exchange().expectStatus().isOk());
  }

  /** The provider POSTs its webhook to the gateway; the statuses it got back. */
  protected List<Integer> deliver(Rail rail, SignedWebhook webhook) {
    return rail.fake()
        .deliver(webhook, URI.create("http://localhost:" + port + "/webhooks/" + rail.provider()));
  }

  /** The audit log's events about {@code subject}, newest first, as an operator reads them. */
  @SuppressWarnings("unchecked")
  protected List<Map<String, Object>> auditOf(String subject) {
    String key =
        Awaitility.await()
            .until(
                () ->
                    (String)
                        body(client
                                .post()
                                .uri("/login")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(
                                    Map.of(
                                        "email",
                                        "ops@providers.test",
                                        "password",
                                        "operator secret 2026"))
                                .exchange())
                            .get("key"),
                k -> k != null);
    List<Map<String, Object>> events =
        client
            .get()
            .uri("/admin/audit?limit=1000")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(List.class)
            .returnResult()
            .getResponseBody();
    return events.stream().filter(e -> subject.equals(e.get("subject"))).toList();
  }
}
