package com.fmugateway.adapter.in.http.fmu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.ApiClient;
import com.fmugateway.adapter.in.http.HttpSliceTest;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.FmuRecord;
import com.fmugateway.domain.fmu.model.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** {@code GET /fmus}: the caller's uploads with their names, then the library; nobody else's. */
@HttpSliceTest
class FmuListTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void anUpload_isListedWithItsModelNameAheadOfTheLibraryInSnakeCase() {
    String key = new ApiClient(client).newKey();
    String id = upload(key, "bytes of my model");

    new ApiClient(client)
        .get(key, "/fmus")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(2)
        .jsonPath("$.items[0].id")
        .isEqualTo(id)
        .jsonPath("$.items[0].model_name")
        .isEqualTo("AllTypes")
        .jsonPath("$.items[0].fmi_version")
        .isEqualTo("2.0")
        .jsonPath("$.items[0].size_bytes")
        .isEqualTo(17)
        .jsonPath("$.items[0].uploaded_at")
        .exists()
        .jsonPath("$.items[0].built_in")
        .isEqualTo(false)
        .jsonPath("$.items[1].id")
        .isEqualTo("lib:AllTypes")
        .jsonPath("$.items[1].built_in")
        .isEqualTo(true)
        .jsonPath("$.page")
        .isEqualTo(1)
        .jsonPath("$.size")
        .isEqualTo(20)
        .jsonPath("$.total")
        .isEqualTo(2)
        .jsonPath("$.has_more")
        .isEqualTo(false);
  }

  @Test
  void anotherAccountsUploads_areNeverListed() {
    ApiClient api = new ApiClient(client);
    String mine = api.newKey();
    String theirs = api.newKey();
    upload(theirs, "their model");
    gateway
        .catalog
        .register(
            new FmuRecord(
                FmuId.newUpload(),
                AccountId.random(),
                new Sha256("d".repeat(64)),
                "Secret",
                "2.0",
                Set.of(FmuInterface.CO_SIMULATION),
                5,
                Instant.now()))
        .block();

    api.get(mine, "/fmus?library=false")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(0)
        .jsonPath("$.total")
        .isEqualTo(0);
  }

  @Test
  void pages_followOneAnotherAndSayWhetherMoreFollow() {
    String key = new ApiClient(client).newKey();
    String older = upload(key, "first upload");
    gateway.clock.advance(Duration.ofSeconds(1));
    String newer = upload(key, "second upload");

    Map<?, ?> first = page(key, "/fmus?page=1&size=2");
    Map<?, ?> second = page(key, "/fmus?page=2&size=2");

    assertThat(ids(first)).containsExactly(newer, older);
    assertThat(first.get("has_more")).isEqualTo(true);
    assertThat(ids(second)).containsExactly("lib:AllTypes");
    assertThat(second.get("has_more")).isEqualTo(false);
  }

  @Test
  void aBadPageOrSize_is400NamingTheParameter() {
    ApiClient api = new ApiClient(client);
    String key = api.newKey();
    for (String[] bad :
        new String[][] {
          {"/fmus?size=101", "size"},
          {"/fmus?size=0", "size"},
          {"/fmus?page=0", "page"},
          {"/fmus?page=two", "page"},
          {"/fmus?library=maybe", "library"}
        }) {
      api.get(key, bad[0])
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.field")
          .isEqualTo(bad[1]);
    }
  }

  private Map<?, ?> page(String key, String path) {
    return new ApiClient(client)
        .get(key, path)
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static List<Object> ids(Map<?, ?> page) {
    return ((List<?>) page.get("items"))
        .stream().map(i -> (Object) ((Map<?, ?>) i).get("id")).toList();
  }

  private String upload(String key, String content) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part(
        "file",
        new ByteArrayResource(content.getBytes()) {
          @Override
          public String getFilename() {
            return "model-" + UUID.randomUUID() + ".fmu";
          }
        });
    Map<?, ?> created =
        client
            .post()
            .uri("/fmus")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(body.build()))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) created.get("id");
  }
}
