package com.fmugateway.adapter.in.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ProblemExceptionHandlerTest {

  private final ProblemExceptionHandler handler = new ProblemExceptionHandler(null);

  @Test
  void domainValidation_is400NamingTheFieldAsTheClientSpellsIt() {
    Problem problem =
        handler.toProblem(new InvalidInputException("stopTime", "must be after start_time"));
    Map<String, Object> body = problem.toBody("/simulate");

    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body)
        .containsEntry("field", "stop_time")
        .containsEntry("status", 400)
        .containsEntry("instance", "/simulate")
        .containsEntry(
            "errors", List.of(Map.of("field", "stop_time", "message", "must be after start_time")));
  }

  @Test
  void statusExceptions_keepTheirStatusAndReason() {
    Problem problem =
        handler.toProblem(new ResponseStatusException(HttpStatus.GONE, "token already used"));

    assertThat(problem.status()).isEqualTo(HttpStatus.GONE);
    assertThat(problem.detail()).isEqualTo("token already used");
  }

  @Test
  void unexpectedErrors_are500WithAnIdAndNoInternals() {
    Problem problem = handler.toProblem(new IllegalStateException("db password is hunter2"));
    Map<String, Object> body = problem.toBody("/x");

    assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(body.get("detail").toString()).doesNotContain("hunter2").contains("error id");
    assertThat(body).containsKey("error_id");
  }

  @Test
  void aDatabaseOutage_evenWrappedByTheFramework_is503WithRetryAfterAndNoInternals() {
    Problem problem =
        handler.toProblem(
            new IllegalStateException(
                "Failed to obtain R2DBC Connection",
                new StoreUnavailableException(
                    "the database cannot be reached",
                    new java.net.ConnectException(
                        "Connection refused: localhost/127.0.0.1:5432"))));

    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(problem.extra()).containsEntry("retry_after", 5);
    assertThat(problem.detail()).contains("temporarily unavailable").doesNotContain("5432");
  }

  @Test
  void camelCaseFieldNames_becomeSnakeCase() {
    assertThat(FieldNames.toJson("inputSignals")).isEqualTo("input_signals");
    assertThat(FieldNames.toJson("fmu")).isEqualTo("fmu");
    assertThat(FieldNames.toJson("startValues.T")).isEqualTo("start_values.T");
    assertThat(FieldNames.toJson("inputSignals[0].time")).isEqualTo("input_signals[0].time");
  }
}
