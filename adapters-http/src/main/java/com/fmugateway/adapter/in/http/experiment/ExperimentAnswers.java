package com.fmugateway.adapter.in.http.experiment;

import com.fmugateway.adapter.in.http.problem.PaymentRequiredException;
import com.fmugateway.domain.experiment.model.ExperimentOutcome;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How {@code POST /experiments} (and {@code POST /simulate} with {@code async}) answer. */
public final class ExperimentAnswers {

  private ExperimentAnswers() {}

  /** 202 for a queued experiment, 200 for a quote; a demand for payment is the 402, here only. */
  public static ResponseEntity<ExperimentResponse> answer(ExperimentOutcome outcome) {
    if (outcome instanceof ExperimentOutcome.Accepted accepted) {
      ExperimentResponse body = ExperimentResponse.from(accepted.experiment());
      return ResponseEntity.status(HttpStatus.ACCEPTED)
          .location(URI.create(body.links().get("self")))
          .body(body);
    }
    if (outcome instanceof ExperimentOutcome.Quoted quoted) {
      return ResponseEntity.ok(
          new ExperimentResponse(
              null,
              "quote",
              null,
              null,
              new ExperimentResponse.ExperimentCasesResponse(quoted.cases(), 0, 0, 0, 0, 0),
              new ExperimentResponse.ExperimentQuoteResponse(
                  quoted.total(), quoted.perCase(), quoted.balance()),
              null,
              null,
              null,
              null,
              null));
    }
    throw new PaymentRequiredException(((ExperimentOutcome.PaymentRequired) outcome).demand());
  }
}
