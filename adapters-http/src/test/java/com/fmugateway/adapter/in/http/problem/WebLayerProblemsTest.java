package com.fmugateway.adapter.in.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.HttpTestApplication;
import com.fmugateway.adapter.in.http.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised before any controller runs, over real HTTP on the real server: Netty's decoder
 * (414, 431, unparseable requests), Spring Security's firewall, and broken multipart bodies. Each
 * is problem+json, like every other error of the API. Multipart limits are bootstrap's.
 */
@SpringBootTest(
    classes = HttpTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.webflux.multipart.max-parts=4")
class WebLayerProblemsTest {

  private static final String MULTIPART = "multipart/form-data; boundary=fmugw";
  private static final String FILE_PART =
      "--fmugw\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.fmu\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\nPK\u0003\u0004 not really a zip\r\n";

  @LocalServerPort int port;

  private RawHttp http;
  private String key;

  @BeforeEach
  void key() throws Exception {
    http = new RawHttp(port);
    String body =
        http.send("POST /keys HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n").body();
    key = (String) new JsonMapper().readValue(body, Map.class).get("key");
  }

  private static Map<?, ?> problem(RawHttp.Answer answer, int status) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
    assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
    Map<?, ?> problem = new JsonMapper().readValue(answer.body(), Map.class);
    assertThat(problem.get("status")).isEqualTo(status);
    assertThat((String) problem.get("detail")).isNotBlank().doesNotContain("Exception");
    return problem;
  }

  @Test
  void aUriTooLong_is414ProblemJson() throws Exception {
    problem(
        http.send(
            "GET /account?x="
                + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        414);
  }

  @Test
  void headersTooLarge_is431ProblemJson() throws Exception {
    problem(
        http.send(
            "GET /account HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"),
        431);
  }

  @Test
  void requestsTheFirewallRefuses_are400ProblemJson() throws Exception {
    for (String path :
        new String[] {
          "/%2e%2e/account", "/fmus/a%2Fb", "/fmus/a%5Cb", "/fmus/%2e%2e", "/runs/%00", "/fmus/%25"
        }) {
      problem(
          http.send(
              "GET "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + key
                  + "\r\nConnection: close\r\n\r\n"),
          400);
    }
    problem(
        http.send(
            "GET /account HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + key
                + "\r\nX-Note: a\u0007b\r\nConnection: close\r\n\r\n"),
        400);
  }

  @Test
  void theUploadIsStillDocumentedAsAFilePart() throws Exception {
    String docs =
        http.send("GET /v3/api-docs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .body();
    String format =
        new JsonMapper()
            .readTree(docs)
            .at(
                "/paths/~1fmus/post/requestBody/content/multipart~1form-data/schema/properties/file")
            .path("format")
            .asString();
    assertThat(format).isEqualTo("binary");
  }

  @Test
  void brokenMultipartBodies_are400NamingFile() throws Exception {
    String body = FILE_PART + "--fmugw--\r\n";
    assertThat(problem(http.post("/fmus", key, "multipart/form-data", body), 400).get("field"))
        .as("no boundary")
        .isEqualTo("file");
    assertThat(
            problem(http.post("/fmus", key, "multipart/form-data; boundary=other", body), 400)
                .get("field"))
        .as("wrong boundary")
        .isEqualTo("file");
    assertThat(problem(http.post("/fmus", key, MULTIPART, FILE_PART), 400).get("field"))
        .as("truncated")
        .isEqualTo("file");
    assertThat(
            problem(
                    http.post(
                        "/fmus",
                        key,
                        MULTIPART,
                        "--fmugw\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"
                            + "just text\r\n--fmugw--\r\n"),
                    400)
                .get("field"))
        .as("file sent as a plain field")
        .isEqualTo("file");
    StringBuilder many = new StringBuilder(FILE_PART);
    for (int i = 0; i < 10; i++) {
      many.append("--fmugw\r\nContent-Disposition: form-data; name=\"f")
          .append(i)
          .append("\"\r\n\r\nx\r\n");
    }
    many.append("--fmugw--\r\n");
    assertThat(problem(http.post("/fmus", key, MULTIPART, many.toString()), 400).get("field"))
        .as("too many parts")
        .isEqualTo("file");
  }
}
