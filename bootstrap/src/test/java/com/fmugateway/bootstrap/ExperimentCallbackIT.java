package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.experiment.model.CallbackSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks end to end: a receiver on this machine (a JDK HttpServer) gets one signed POST per
 * attempt when an experiment ends, is tried again after refusing, and never again after a 2xx.
 */
class ExperimentCallbackIT extends AbstractExperimentWorkerIT {

  private HttpServer receiver;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final AtomicInteger refuseFirst = new AtomicInteger();

  private record Delivery(String path, String signature, String eventId, String body) {}

  @BeforeEach
  void receiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          deliveries.add(
              new Delivery(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("FMUGW-Signature"),
                  exchange.getRequestHeaders().getFirst("FMUGW-Event-Id"),
                  body));
          int status = refuseFirst.getAndDecrement() > 0 ? 500 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  @Test
  void anEndedExperiment_isPostedSigned_retriedAfterA500_andNotAgainAfterA2xx()
      throws InterruptedException {
    refuseFirst.set(1);
    Customer customer = customer();
    String secret = (String) customer.get("/account").get("webhook_secret");
    String id = customer.start(sweep(2, url("/hooks/ended")));
    customer.awaitEnd(id);

    await("a second attempt", () -> deliveries.size() >= 2);
    Thread.sleep(3000); // a third would come after 2 s
    assertThat(deliveries).hasSize(2);
    for (Delivery delivery : deliveries) {
      assertThat(delivery.path()).isEqualTo("/hooks/ended");
      assertThat(delivery.eventId()).isEqualTo(id);
      assertSigned(delivery, secret);
      assertThat(delivery.body())
          .contains("\"experiment_id\":\"" + id + "\"")
          .contains("\"status\":\"succeeded\"")
          .contains("\"cases\":{\"total\":2,\"succeeded\":2,\"failed\":0,\"cancelled\":0}")
          .contains("\"links\":{\"self\":\"http://localhost:");
    }
  }

  @Test
  void aCancelledExperiment_isPostedOnce_withItsOwnAccountsSignature() {
    Customer customer = customer();
    String secret = (String) customer.get("/account").get("webhook_secret");
    String otherSecret = (String) customer().get("/account").get("webhook_secret");
    String id = customer.start(sweep(9, url("/hooks/cancelled")));
    customer.client().delete().uri("/experiments/" + id).exchange().expectStatus().isOk();

    await("the callback", () -> deliveries.size() >= 1);
    Delivery delivery = deliveries.get(0);
    assertThat(delivery.body()).contains("\"experiment_id\":\"" + id + "\"");
    assertSigned(delivery, secret);
    assertThat(otherSecret).isNotEqualTo(secret);
    assertThat(deliveries).hasSize(1);
  }

  private static void assertSigned(Delivery delivery, String secret) {
    assertThat(delivery.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
    long t = Long.parseLong(delivery.signature().replaceAll("^t=(\\d+),.*$", "$1"));
    assertThat(delivery.signature())
        .isEqualTo(CallbackSignature.header(secret, t, delivery.body()));
    assertThat(Math.abs(System.currentTimeMillis() / 1000 - t)).isLessThan(300);
  }
}
