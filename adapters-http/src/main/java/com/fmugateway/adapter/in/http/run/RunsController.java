package com.fmugateway.adapter.in.http.run;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.simulation.port.in.GetRunsQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's run history: what ran, how it ended, what it cost. */
@RestController
@Tag(name = "Simulation")
class RunsController {

  private final GetRunsQuery runs;

  RunsController(GetRunsQuery runs) {
    this.runs = runs;
  }

  @GetMapping("/runs")
  @Operation(operationId = "listRuns", summary = "Your newest runs")
  @ProblemResponses(400)
  Flux<RunResponse> recent(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestParam(defaultValue = "50") int limit) {
    return runs.recent(caller.accountId(), limit).map(RunResponse::from);
  }

  @GetMapping("/runs/{id}")
  @Operation(operationId = "getRun", summary = "One of your runs")
  @ProblemResponses(404)
  Mono<RunResponse> run(
      @AuthenticationPrincipal AuthenticatedAccount caller, @PathVariable String id) {
    UUID runId;
    try {
      runId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Mono.error(new NotFoundException("no run with id " + id));
    }
    return runs.run(caller.accountId(), runId).map(RunResponse::from);
  }
}
