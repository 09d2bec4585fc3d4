package com.fmugateway.adapter.in.http.fmu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.ApiClient;
import com.fmugateway.adapter.in.http.HttpSliceTest;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fmu.model.ModelVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /fmus/{id}/variables} comes a page at a time; the body stays the array it always was.
 */
@HttpSliceTest
class VariablesPagingTest {

  private static final List<String> ALL =
      Models.allTypes().variables().stream().map(ModelVariable::name).toList();

  @Autowired WebTestClient client;

  private ApiClient api;
  private String key;

  @BeforeEach
  void key() {
    api = new ApiClient(client);
    key = api.newKey();
  }

  @Test
  void aSmallModel_withoutPaging_isTheWholeArray_withItsCount_andNoNextLink() {
    EntityExchangeResult<List<Map<String, Object>>> answer = page("/fmus/lib:AllTypes/variables");

    assertThat(answer.getResponseBody())
        .extracting(v -> v.get("name"))
        .containsExactlyElementsOf(ALL);
    assertThat(answer.getResponseHeaders().getFirst("X-Total-Count"))
        .isEqualTo(Integer.toString(ALL.size()));
    assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.LINK)).isNull();
  }

  @Test
  void followingTheNextLinks_givesEveryVariableOnce_inOrder() {
    List<Object> names = new ArrayList<>();
    String next = "/fmus/lib:AllTypes/variables?limit=4";
    int pages = 0;
    while (next != null) {
      EntityExchangeResult<List<Map<String, Object>>> answer = page(next);
      assertThat(answer.getResponseBody()).hasSizeLessThanOrEqualTo(4);
      answer.getResponseBody().forEach(v -> names.add(v.get("name")));
      next = nextLink(answer.getResponseHeaders().getFirst(HttpHeaders.LINK));
      pages++;
    }

    assertThat(names).containsExactlyElementsOf(ALL);
    assertThat(pages).isEqualTo((ALL.size() + 3) / 4);
  }

  @Test
  void aLimitAboveTheMaximum_is400NamingLimit() {
    api.get(key, "/fmus/lib:AllTypes/variables?limit=10001")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("limit")
        .jsonPath("$.detail")
        .isEqualTo("limit: must be between 1 and 10000");
  }

  @Test
  void anOffsetThatIsNotANumber_is400NamingOffset() {
    api.get(key, "/fmus/lib:AllTypes/variables?offset=abc")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("offset");
  }

  private EntityExchangeResult<List<Map<String, Object>>> page(String path) {
    return api.get(key, path)
        .expectStatus()
        .isOk()
        .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .returnResult();
  }

  /** The target of {@code <…>; rel="next"}, or null. */
  private static String nextLink(String link) {
    if (link == null) {
      return null;
    }
    assertThat(link).endsWith(">; rel=\"next\"");
    return link.substring(1, link.indexOf('>'));
  }
}
