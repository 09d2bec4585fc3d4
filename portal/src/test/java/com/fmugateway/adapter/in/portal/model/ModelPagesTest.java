package com.fmugateway.adapter.in.portal.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.PortalBrowser;
import com.fmugateway.adapter.in.portal.PortalSliceTest;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The models page (library and upload form) and a model's variables. */
@PortalSliceTest
class ModelPagesTest {

  @Autowired WebTestClient client;
  @Autowired InMemoryGateway gateway;

  @Test
  void theModelsPage_listsTheLibraryWithDescriptionsAndInterfaces() {
    String page = PortalBrowser.customer(client, gateway).page("/portal/models");

    assertThat(page).contains("id=\"library\"").contains("href=\"/portal/models/lib:AllTypes\"");
    assertThat(page).contains("Every variable type").contains("cs, me");
    assertThat(page).contains("enctype=\"multipart/form-data\"").contains("name=\"_csrf\"");
  }

  @Test
  void aModelsPage_listsItsVariables() {
    String page = PortalBrowser.customer(client, gateway).page("/portal/models/lib:AllTypes");

    assertThat(page).contains("<h1>AllTypes</h1>").contains("id=\"variables\"");
    assertThat(page).contains("<td>real_out</td>").contains("<td>output</td>");
    assertThat(page).contains("<td>parameter</td>").contains("<td>fixed</td>");
    assertThat(page).contains("bbbbbbbbbbbb…");
    assertThat(page).contains("href=\"/portal/run?model=lib:AllTypes\"");
  }

  @Test
  void anUploadWithoutAFile_isRefusedUnderTheUploadField() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);

    String page =
        customer
            .postMultipart(
                "/portal/models", customer.page("/portal/models"), new MultipartBodyBuilder())
            .getResponseBody();

    assertThat(page).contains("id=\"upload-error\"").contains("Choose an .fmu file to upload.");
    assertThat(page).contains("id=\"library\"");
  }

  @Test
  void anUploadedFmu_getsItsOwnPage() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("file", new ByteArrayResource("not really a zip".getBytes())).filename("Mine.fmu");

    EntityExchangeResult<String> uploaded =
        customer.postMultipart("/portal/models", customer.page("/portal/models"), parts);

    assertThat(uploaded.getStatus().is3xxRedirection()).isTrue();
    String location = uploaded.getResponseHeaders().getLocation().toString();
    assertThat(location).startsWith("/portal/models/");
    assertThat(customer.page(location)).contains("id=\"variables\"").contains("real_out");
  }

  @Test
  void uploads_areListedByNameWithARunLink_andOnlyToTheirOwner() {
    PortalBrowser customer = PortalBrowser.customer(client, gateway);
    PortalBrowser stranger = PortalBrowser.customer(client, gateway);
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("file", new ByteArrayResource("listed upload".getBytes())).filename("Mine.fmu");
    String location =
        customer
            .postMultipart("/portal/models", customer.page("/portal/models"), parts)
            .getResponseHeaders()
            .getLocation()
            .toString();
    String id = location.substring("/portal/models/".length());

    String mine = customer.page("/portal/models");
    assertThat(mine).contains("id=\"uploads\"");
    assertThat(mine)
        .contains("href=\"/portal/models/" + id + "\" title=\"" + id + "\">AllTypes</a>");
    assertThat(mine).contains("href=\"/portal/run?model=" + id + "\"");
    assertThat(mine).contains(">13 B</td>");

    String theirs = stranger.page("/portal/models");
    assertThat(theirs).doesNotContain(id).contains("id=\"no-uploads\"");
  }

  @Test
  void anUnknownModel_isTheNotFoundPage() {
    PortalBrowser.customer(client, gateway)
        .get("/portal/models/lib:Nope")
        .expectStatus()
        .isNotFound()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("id=\"error\""));
  }
}
