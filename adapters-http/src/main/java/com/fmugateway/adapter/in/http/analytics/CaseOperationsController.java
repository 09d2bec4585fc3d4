package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.experiment.port.in.GetCaseOperationsQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /analytics/experiments}: the case queue and each worker node, for operators. */
@RestController
@Tag(name = "Operators")
class CaseOperationsController {

  private final GetCaseOperationsQuery operations;

  CaseOperationsController(GetCaseOperationsQuery operations) {
    this.operations = operations;
  }

  @GetMapping("/analytics/experiments")
  @Operation(
      operationId = "analyticsExperiments",
      summary = "Case queue depth, cases running, and each node's last hour (operators only)")
  @ProblemResponses({403})
  Mono<CaseOperationsResponse> experiments() {
    return operations.operations().map(CaseOperationsResponse::from);
  }
}
