package com.fmugateway.domain.fmu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VariablePageTest {

  private static final List<ModelVariable> MANY =
      IntStream.range(0, 2_500)
          .mapToObj(
              i ->
                  Models.variable(
                      "x" + i, i, VariableType.REAL, Causality.LOCAL, Variability.CONTINUOUS, "0"))
          .toList();

  @Test
  void aLargeModel_theDefaultPage_holdsTheFirstThousandAndSaysMoreFollow() {
    VariablePage page = VariablePage.of(MANY, 0, VariablePage.DEFAULT_LIMIT);

    assertThat(page.variables()).hasSize(1_000);
    assertThat(page.variables().get(0).name()).isEqualTo("x0");
    assertThat(page.total()).isEqualTo(2_500);
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void theLastPage_holdsTheRest_andNothingFollows() {
    VariablePage page = VariablePage.of(MANY, 2_000, 1_000);

    assertThat(page.variables()).hasSize(500);
    assertThat(page.variables().get(0).name()).isEqualTo("x2000");
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void anOffsetPastTheEnd_givesAnEmptyPage() {
    VariablePage page = VariablePage.of(MANY, 9_999, 10);

    assertThat(page.variables()).isEmpty();
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void aLimitAboveTheMaximum_isRefusedNamingLimit() {
    assertThatThrownBy(() -> VariablePage.of(MANY, 0, VariablePage.MAX_LIMIT + 1))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"))
        .hasMessageContaining("10000");
  }

  @Test
  void aNegativeOffset_isRefusedNamingOffset() {
    assertThatThrownBy(() -> VariablePage.of(MANY, -1, 10))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("offset"));
  }
}
