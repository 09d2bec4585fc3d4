package com.fmugateway.adapter.in.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKeyId;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  private static final Caller CALLER =
      new Caller(new AuthenticatedAccount(AccountId.random(), ApiKeyId.random()), "http://gw");

  @Test
  void anUnknownArgument_isNamed_withTheOnesTheToolTakes() {
    assertThatThrownBy(() -> Arguments.of(Map.of("stop_tme", 3), Set.of("fmu_id", "stop_time")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("is not a known argument; the known ones are fmu_id, stop_time")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("stop_tme");
  }

  @Test
  void anArgumentOfTheWrongType_isNamed() {
    Arguments args =
        Arguments.of(
            Map.of("stop_time", "soon", "kpis", List.of("h_max", 3), "max_rows", 2.5),
            Set.of("stop_time", "kpis", "max_rows"));

    assertThat(field(() -> args.optionalNumber("stop_time"))).isEqualTo("stop_time");
    assertThat(field(() -> args.stringList("kpis"))).isEqualTo("kpis[1]");
    assertThat(field(() -> args.optionalInteger("max_rows", 0, 200))).isEqualTo("max_rows");
  }

  @Test
  void aBadInputSignal_isNamedByItsPlaceInTheList() {
    Arguments args =
        Arguments.of(
            Map.of(
                "fmu_id",
                "msl:BouncingBall",
                "input_signals",
                List.of(Map.of("name", "u", "time", List.of(0, "x"), "values", List.of(1, 2)))),
            RunArguments.properties().keySet());

    assertThat(field(() -> RunArguments.command(CALLER, args, RunArguments.payment(args, false))))
        .isEqualTo("input_signals[0].time[1]");
  }

  @Test
  void theDomainsCamelCaseFieldNames_areReportedInSnakeCase() {
    assertThat(ToolErrors.snakeCase("stopTime")).isEqualTo("stop_time");
    assertThat(ToolErrors.snakeCase("startValues.myParam")).isEqualTo("start_values.myParam");
    assertThat(ToolErrors.snakeCase("input_signals[0].time")).isEqualTo("input_signals[0].time");
  }

  @Test
  void anUnexpectedFailure_isAToolErrorWithAnIdAndNoJavaInIt() {
    ToolAnswer answer = ToolErrors.answer(new IllegalStateException("boom in java.lang.Object"));

    assertThat(answer.error()).isTrue();
    assertThat(answer.body()).containsEntry("error", "internal_error").containsKey("error_id");
    assertThat(answer.body().toString()).doesNotContain("IllegalStateException", "boom", "java.");
  }

  private static String field(Runnable read) {
    try {
      read.run();
    } catch (InvalidInputException e) {
      return e.field();
    }
    throw new AssertionError("no InvalidInputException");
  }
}
