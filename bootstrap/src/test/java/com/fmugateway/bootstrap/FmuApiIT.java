package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The model library and uploads, as a client uses them over HTTP. */
@TestPropertySource(properties = "fmugw.simulation.max-upload-size=2MB")
class FmuApiIT extends AbstractGatewayIT {

  @Test
  void library_listsTheBuiltInModelsWithTheirInterfacesAndExperiment() {
    newCustomer()
        .get()
        .uri("/library")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[*].id")
        .value(
            ids ->
                assertThat((List<String>) ids)
                    .contains(
                        "lib:BouncingBall",
                        "lib:FirstOrderLag",
                        "lib:VanDerPol",
                        "lib:MassSpringDamper",
                        "lib:Counter",
                        "lib:AllTypes"))
        .jsonPath("$[?(@.id=='lib:BouncingBall')].interfaces[*]")
        .value(i -> assertThat((List<String>) i).containsExactly("cs", "me"))
        .jsonPath("$[?(@.id=='lib:BouncingBall')].aliases[0]")
        .isEqualTo("msl:BouncingBall")
        .jsonPath("$[?(@.id=='lib:BouncingBall')].default_experiment.stop_time")
        .isEqualTo(3.0)
        .jsonPath("$[?(@.id=='lib:BouncingBall')].guid")
        .exists();
  }

  @Test
  void libraryQuery_filtersByName() {
    newCustomer()
        .get()
        .uri("/library?query=bouncing")
        .exchange()
        .expectBody()
        .jsonPath("$[*].model_name")
        .isEqualTo(List.of("BouncingBall", "BouncingBall3"));
  }

  @Test
  void prototypeAlias_findsTheLibraryModelAndItsVariables() {
    WebTestClient customer = newCustomer();
    customer
        .get()
        .uri("/fmus/msl:BouncingBall")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo("lib:BouncingBall");
    customer
        .get()
        .uri("/fmus/lib:BouncingBall/variables")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .exists("X-Total-Count")
        .expectBody()
        .jsonPath("$[?(@.name=='h')].causality")
        .value(c -> assertThat((List<String>) c).containsExactly("output"))
        .jsonPath("$[?(@.name=='h')].unit")
        .value(u -> assertThat((List<String>) u).containsExactly("m"))
        .jsonPath("$[?(@.name=='e')].start")
        .value(s -> assertThat((List<String>) s).containsExactly("0.7"));
  }

  @Test
  void upload_isContentAddressedPerAccountAndInvisibleToOthers() throws IOException {
    WebTestClient owner = newCustomer();
    byte[] fmu = libraryFmu("VanDerPol");

    Map<String, Object> first = upload(owner, fmu, 201);
    Map<String, Object> second = upload(owner, fmu, 201);

    assertThat(second.get("id")).isEqualTo(first.get("id"));
    assertThat(first.get("model_name")).isEqualTo("VanDerPol");
    assertThat(first.get("interfaces")).isEqualTo(List.of("cs", "me"));
    assertThat(first.get("platforms")).isEqualTo(List.of("linux64"));
    assertThat((String) first.get("sha256")).hasSize(64);
    assertThat(first.get("size_bytes")).isEqualTo(fmu.length);
    owner.get().uri("/fmus/" + first.get("id") + "/variables").exchange().expectStatus().isOk();

    WebTestClient stranger = newCustomer();
    stranger
        .get()
        .uri("/fmus/" + first.get("id"))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    stranger
        .get()
        .uri("/fmus/" + first.get("id") + "/variables")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void badArchives_areRejectedWith422NamingTheProblem() throws IOException {
    WebTestClient customer = newCustomer();

    assertRejected(customer, "just text".getBytes(StandardCharsets.UTF_8), "not a zip archive");
    assertRejected(customer, zip("readme.txt", "<x/>"), "no modelDescription.xml");
    assertRejected(
        customer,
        zip(
            "modelDescription.xml",
            "<fmiModelDescription fmiVersion=\"3.0\" modelName=\"M\" instantiationToken=\"t\"/>"),
        "declares none of <CoSimulation>, <ModelExchange> or <ScheduledExecution>");
    assertRejected(
        customer,
        zip(
            "modelDescription.xml",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><fmiModelDescription>&e;</fmiModelDescription>"),
        "must not declare a DOCTYPE");
    assertRejected(customer, zip("../evil.txt", "x"), "'..'");
  }

  @Test
  void aModelDescriptionWithTooManyVariables_isRejectedWith422NamingTheLimitAndFile()
      throws IOException {
    StringBuilder variables = new StringBuilder();
    for (int i = 0; i <= 50_000; i++) {
      variables
          .append("<ScalarVariable name=\"x")
          .append(i)
          .append("\" valueReference=\"")
          .append(i)
          .append("\"><Real/></ScalarVariable>");
    }
    String description =
        "<fmiModelDescription fmiVersion=\"2.0\" modelName=\"Huge\" guid=\"g\">"
            + "<CoSimulation modelIdentifier=\"Huge\"/><ModelVariables>"
            + variables
            + "</ModelVariables></fmiModelDescription>";

    assertRejected(
        newCustomer(),
        zip("modelDescription.xml", description),
        "modelDescription.xml declares more than 50,000 variables");
  }

  @Test
  void uploadOverTheCap_is413() {
    upload(newCustomer(), new byte[3 * 1024 * 1024], 413);
  }

  @Test
  void missingFilePart_is400NamingTheField() {
    newCustomer()
        .post()
        .uri("/fmus")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData("other", "x"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("file");
  }

  private void assertRejected(WebTestClient customer, byte[] archive, String reason) {
    Map<String, Object> problem = upload(customer, archive, 422);
    assertThat((String) problem.get("detail")).contains(reason);
    assertThat(problem.get("field")).isEqualTo("file");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> upload(WebTestClient customer, byte[] bytes, int status) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part(
        "file",
        new ByteArrayResource(bytes) {
          @Override
          public String getFilename() {
            return "model.fmu";
          }
        });
    return customer
        .post()
        .uri("/fmus")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(body.build()))
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  static byte[] libraryFmu(String name) throws IOException {
    try (InputStream in = FmuApiIT.class.getResourceAsStream("/fmi/library/" + name + ".fmu")) {
      return in.readAllBytes();
    }
  }

  private static byte[] zip(String entry, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
