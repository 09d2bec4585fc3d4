package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A newly uploaded FMU's first run is served by a worker started ahead of need, as operators see it
 * on /health: the upload claims a ready spare for its owner and makes a short run of it there
 * before it answers, the first run finds that worker idle with the FMU loaded (no spare claimed, no
 * worker started), and a new spare takes the claimed one's place.
 */
class SpareWorkerIT extends AbstractGatewayIT {

  private static final Duration SPARE_READY = Duration.ofSeconds(60);

  @Test
  void aNewUpload_isPreparedInASpareWorker_whichServesItsFirstRun_andIsThenReplaced()
      throws IOException {
    WebTestClient customer = newCustomer();
    Map<String, String> before =
        await().atMost(SPARE_READY).until(this::workers, w -> count(w, "spare") >= 1);

    Object id = FmuApiIT.upload(customer, unseen(FmuApiIT.libraryFmu("VanDerPol")), 201).get("id");

    Map<String, String> uploaded = workers();
    assertThat(count(uploaded, "prepared")).isEqualTo(count(before, "prepared") + 1);
    String csv = firstRun(customer, id);

    assertThat(csv.split("\r\n")[0]).isEqualTo("time,x0,x1");
    Map<String, String> after = workers();
    assertThat(count(after, "spare_claims")).isEqualTo(count(before, "spare_claims"));
    assertThat(count(after, "cold_starts")).isEqualTo(count(before, "cold_starts"));
    await().atMost(SPARE_READY).until(this::workers, w -> count(w, "spare") >= 1);
  }

  private static String firstRun(WebTestClient customer, Object id) {
    return customer
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.parseMediaType("text/csv"))
        .bodyValue("{\"fmu_id\":\"" + id + "\",\"stop_time\":1.0,\"step\":0.1}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> workers() {
    Map<String, Object> health =
        client
            .get()
            .uri("/health")
            .exchange()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (Map<String, String>) health.get("workers");
  }

  private static long count(Map<String, String> workers, String detail) {
    return Long.parseLong(workers.get(detail));
  }

  /** The archive with one more file: an FMU no worker has seen, under a new SHA-256. */
  private static byte[] unseen(byte[] fmu) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(fmu));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("documentation/nonce.txt"));
      zip.write(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
