package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.fixtures.FakePaymentProvider.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * 1,000 webhook deliveries at once over 100 checkouts (runs and credit packs of ten accounts):
 * genuine events out of order, retries, exact replays, forgeries, stale signatures and late
 * "expired" news after payments. Read back from the database, every paid checkout has exactly one
 * token or one purchase, nothing else changed, and every refusal was a forgery.
 */
class WebhookStormIT extends AbstractFakeProviderIT {

  private static final int ACCOUNTS = 10;
  private static final int CHECKOUTS_PER_ACCOUNT = 10;
  private static final int DELIVERIES = 1000;

  private final Random random = new Random(20261121);

  /** One checkout opened over HTTP and how the customer ends it. */
  private record Opened(
      String accountId, String sessionId, boolean pack, long credits, PaymentStatus end) {}

  /** A delivery and the status the gateway must answer it with. */
  private record Shot(Delivery delivery, int expected) {}

  @Test
  void everyPaidCheckoutIsFulfilledExactlyOnce() {
    List<Opened> checkouts = openCheckouts();
    List<Shot> first = new ArrayList<>();
    List<Shot> second = new ArrayList<>();
    List<Delivery> genuine = new ArrayList<>();
    Set<String> genuineEventIds = new HashSet<>();
    for (Opened checkout : checkouts) {
      String session = provider.providerSession(checkout.sessionId());
      Delivery pending = provider.event(session, PaymentStatus.PENDING);
      Delivery end = settle(session, checkout.end());
      genuine.add(pending);
      genuine.add(end);
      first.add(new Shot(pending, 200));
      first.add(new Shot(end, 200));
      first.add(new Shot(end, 200));
      first.add(new Shot(provider.resend(end), 200));
      first.add(new Shot(end.forged(), 400));
      first.add(new Shot(provider.stale(end), 400));
      if (checkout.end() == PaymentStatus.PAID) {
        Delivery late = provider.event(session, PaymentStatus.EXPIRED);
        genuine.add(late);
        second.add(new Shot(late, 200));
        second.add(new Shot(late.forged(), 400));
      }
    }
    genuine.forEach(d -> genuineEventIds.add(d.event().eventId()));
    while (first.size() + second.size() < DELIVERIES) {
      second.add(new Shot(genuine.get(random.nextInt(genuine.size())), 200));
    }
    Collections.shuffle(first, random);
    Collections.shuffle(second, random);

    long started = System.nanoTime();
    List<String> wrong = new ArrayList<>(fire(first));
    wrong.addAll(fire(second));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf(
        "Webhook storm: %d deliveries in %d ms (%.0f/s)%n",
        first.size() + second.size(),
        took.toMillis(),
        (first.size() + second.size()) / (took.toNanos() / 1e9));

    assertThat(first.size() + second.size()).isEqualTo(DELIVERIES);
    assertThat(wrong).isEmpty();
    for (Opened checkout : checkouts) {
      assertFulfilledOnce(checkout);
    }
    for (String account : checkouts.stream().map(Opened::accountId).distinct().toList()) {
      long bought =
          checkouts.stream()
              .filter(c -> c.accountId().equals(account) && c.pack() && paid(c))
              .mapToLong(Opened::credits)
              .sum();
      assertThat(
              count(
                  "SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account_id = ?::uuid",
                  account))
          .as("balance of %s", account)
          .isEqualTo(bought);
    }
    assertThat(
            count(
                "SELECT COUNT(*) FROM webhook_events WHERE session_id = ANY (?)",
                (Object) checkouts.stream().map(Opened::sessionId).toArray(String[]::new)))
        .isEqualTo(genuineEventIds.size());
  }

  private void assertFulfilledOnce(Opened checkout) {
    String id = checkout.sessionId();
    String expected = paid(checkout) ? "PAID" : checkout.end().name();
    assertThat(
            count(
                "SELECT COUNT(*) FROM payment_sessions WHERE id = ? AND status = ?", id, expected))
        .as("status of %s", id)
        .isEqualTo(1);
    long tokens = count("SELECT COUNT(*) FROM payment_tokens WHERE session_id = ?", id);
    long purchases =
        count(
            "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'PURCHASE' AND reference = ?"
                + " AND amount = ?",
            id,
            checkout.credits());
    long paidAudits =
        count(
            "SELECT COUNT(*) FROM audit_events WHERE action = 'payment.paid' AND subject = ?", id);
    assertThat(tokens).as("tokens of %s", id).isEqualTo(paid(checkout) && !checkout.pack() ? 1 : 0);
    assertThat(purchases)
        .as("purchases of %s", id)
        .isEqualTo(paid(checkout) && checkout.pack() ? 1 : 0);
    assertThat(paidAudits).as("payment.paid of %s", id).isEqualTo(paid(checkout) ? 1 : 0);
  }

  /** Sends the shots 32 at a time; returns those answered otherwise than expected. */
  private List<String> fire(List<Shot> shots) {
    WebClient webhooks = WebClient.create("http://localhost:" + port);
    return Flux.fromIterable(shots)
        .flatMap(
            shot ->
                webhooks
                    .post()
                    .uri(FakePaymentProviderConfiguration.WEBHOOK)
                    .headers(h -> shot.delivery().headers().forEach(h::set))
                    .bodyValue(shot.delivery().body())
                    .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                    .filter(status -> status != shot.expected())
                    .map(status -> shot.delivery().event().eventId() + " got " + status),
            32)
        .collectList()
        .block(Duration.ofMinutes(3));
  }

  private List<Opened> openCheckouts() {
    List<Opened> opened = new ArrayList<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      Customer customer = customer();
      for (int c = 0; c < CHECKOUTS_PER_ACCOUNT; c++) {
        boolean pack = c % 2 == 1;
        String method = c % 3 == 0 ? "crypto" : "card";
        String success = "https://agent.example/done/" + c;
        Map<String, Object> checkout =
            body(
                customer
                    .client()
                    .post()
                    .uri(pack ? "/credits/checkout" : "/pay")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(
                        pack
                            ? "{\"pack\":\""
                                + (c % 4 == 1 ? "10" : "50")
                                + "\",\"payment_method\":\""
                                + method
                                + "\",\"success_url\":\""
                                + success
                                + "\"}"
                            : "{\"fmu_id\":\"msl:BouncingBall\",\"payment_method\":\""
                                + method
                                + "\",\"success_url\":\""
                                + success
                                + "\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated());
        int roll = (a * CHECKOUTS_PER_ACCOUNT + c) % 10;
        PaymentStatus end =
            roll < 7 ? PaymentStatus.PAID : roll < 9 ? PaymentStatus.EXPIRED : PaymentStatus.FAILED;
        opened.add(
            new Opened(
                customer.accountId(),
                (String) checkout.get("session_id"),
                pack,
                pack ? ((Number) checkout.get("credits")).longValue() : 0,
                end));
      }
    }
    return opened;
  }

  private Delivery settle(String providerSession, PaymentStatus end) {
    return switch (end) {
      case PAID -> provider.pay(providerSession);
      case EXPIRED -> provider.expire(providerSession);
      case FAILED -> provider.fail(providerSession);
      case PENDING -> throw new IllegalArgumentException("a checkout must end");
    };
  }

  private static boolean paid(Opened checkout) {
    return checkout.end() == PaymentStatus.PAID;
  }
}
