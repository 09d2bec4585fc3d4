package com.fmugateway.adapter.in.http.experiment;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.adapter.in.http.payment.X402Wire;
import com.fmugateway.adapter.in.http.simulation.CsvResults;
import com.fmugateway.adapter.in.http.simulation.SimulateResponse;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.experiment.model.CaseSlice;
import com.fmugateway.domain.experiment.port.in.CancelExperimentUseCase;
import com.fmugateway.domain.experiment.port.in.GetCaseResultQuery;
import com.fmugateway.domain.experiment.port.in.GetExperimentQuery;
import com.fmugateway.domain.experiment.port.in.ListCasesQuery;
import com.fmugateway.domain.experiment.port.in.ListExperimentsQuery;
import com.fmugateway.domain.experiment.port.in.StartExperimentUseCase;
import com.fmugateway.domain.shared.model.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /experiments}: parameter sweeps run as queued cases on the worker nodes. The whole quote
 * is held up front (402 with a checkout when credits are short); each case is charged once, when it
 * completes.
 */
@RestController
@Tag(name = "Experiments")
class ExperimentController {

  static final String TEXT_CSV = "text/csv";

  private final StartExperimentUseCase start;
  private final GetExperimentQuery experiment;
  private final ListExperimentsQuery experiments;
  private final ListCasesQuery cases;
  private final GetCaseResultQuery results;
  private final CancelExperimentUseCase cancel;

  ExperimentController(
      StartExperimentUseCase start,
      GetExperimentQuery experiment,
      ListExperimentsQuery experiments,
      ListCasesQuery cases,
      GetCaseResultQuery results,
      CancelExperimentUseCase cancel) {
    this.start = start;
    this.experiment = experiment;
    this.experiments = experiments;
    this.cases = cases;
    this.results = results;
    this.cancel = cancel;
  }

  @PostMapping(
      value = "/experiments",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "startExperiment",
      summary = "Start a parameter sweep",
      description =
          "The /simulate body plus `sweep` (full_factorial, latin_hypercube, sobol or cases)."
              + " 202 with Location; `quote_only: true` answers 200 with the quote and holds"
              + " nothing. Credits short: 402 with a checkout for a pack covering the difference"
              + " and, when x402 is accepted, the `PAYMENT-REQUIRED` header for the whole"
              + " experiment: retry with `PAYMENT-SIGNATURE` to buy its credits with x402"
              + " (settled before the cases are queued; credits of cases that fail or are"
              + " cancelled stay with the account). A scheduled execution experiment (`interface:"
              + " se`) takes `clock_ticks` as /simulate does: every case fires them, and each"
              + " case's result (`GET /experiments/{id}/cases/{index}`) has its `clock_events`;"
              + " the case tables (CSV, Parquet) hold parameters and KPIs, not clock events.")
  @ProblemResponses({400, 402, 404, 415, 422, 429})
  Mono<ResponseEntity<ExperimentResponse>> start(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestBody ExperimentRequest request,
      @RequestParam(name = "quote_only", required = false) Boolean quoteOnly,
      @Parameter(
              description =
                  "An x402 (version 2) payment for the whole experiment: base64 JSON of a"
                      + " payment payload meeting the `PAYMENT-REQUIRED` requirements of a 402")
          @RequestHeader(name = X402Wire.PAYMENT_SIGNATURE, required = false)
          String x402) {
    return Mono.fromCallable(
            () ->
                request.toCommand(
                    caller, quoteOnly, Optional.ofNullable(x402).map(X402Wire::decode)))
        .flatMap(start::start)
        .map(ExperimentAnswers::answer);
  }

  @GetMapping(value = "/experiments", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "listExperiments", summary = "Your experiments, newest first")
  @ProblemResponses({400})
  Mono<Map<String, Object>> list(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "20") int size) {
    return Mono.fromCallable(() -> new PageRequest(page, size))
        .flatMap(request -> experiments.experiments(caller.accountId(), request))
        .map(
            found ->
                Map.of(
                    "items", found.items().stream().map(ExperimentResponse::from).toList(),
                    "page", found.request().page(),
                    "size", found.request().size(),
                    "total", found.total(),
                    "has_more", found.hasNext()));
  }

  @GetMapping(value = "/experiments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "getExperiment", summary = "An experiment's status, cases and cost")
  @ProblemResponses({400, 404})
  Mono<ExperimentResponse> get(
      @AuthenticationPrincipal AuthenticatedAccount caller, @PathVariable("id") UUID id) {
    return experiment.experiment(caller.accountId(), id).map(ExperimentResponse::from);
  }

  @DeleteMapping(value = "/experiments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "cancelExperiment",
      summary = "Cancel: queued cases never start, running ones stop, unrun credits released")
  @ProblemResponses({400, 404})
  Mono<ExperimentResponse> cancel(
      @AuthenticationPrincipal AuthenticatedAccount caller, @PathVariable("id") UUID id) {
    return cancel.cancel(caller.accountId(), id).map(ExperimentResponse::from);
  }

  @GetMapping(value = "/experiments/{id}/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "listCases", summary = "An experiment's cases, by index")
  @ProblemResponses({400, 404})
  Mono<CaseResponse.CasePageResponse> cases(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @PathVariable("id") UUID id,
      @RequestParam(name = "offset", defaultValue = "0") long offset,
      @RequestParam(name = "limit", defaultValue = "1000") int limit) {
    return Mono.defer(() -> cases.cases(caller.accountId(), id, offset, limit))
        .map(
            slice ->
                new CaseResponse.CasePageResponse(
                    slice.items().stream().map(CaseResponse::from).toList(),
                    slice.offset(),
                    slice.limit(),
                    slice.total()));
  }

  @GetMapping(value = "/experiments/{id}/cases", produces = TEXT_CSV)
  @Operation(
      operationId = "listCases",
      summary = "An experiment's cases as CSV: one column per parameter and KPI")
  @ProblemResponses({400, 404})
  Mono<ResponseEntity<Flux<String>>> casesCsv(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @PathVariable("id") UUID id,
      @RequestParam(name = "offset", defaultValue = "0") long offset,
      @RequestParam(name = "limit", defaultValue = "10000") int limit) {
    return Mono.defer(() -> cases.cases(caller.accountId(), id, offset, limit))
        .map(
            slice ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"experiment-" + id + ".csv\"")
                    .body(CaseCsv.of(slice.items())));
  }

  @GetMapping(value = "/experiments/{id}/cases", produces = CaseParquet.MEDIA_TYPE)
  @Operation(
      operationId = "listCases",
      summary = "All of an experiment's cases as one Parquet file",
      description =
          "The CSV's table, typed: index INT32, status, a DOUBLE per numeric parameter, an"
              + " optional DOUBLE per KPI (null until the case succeeds), node, failure, cost"
              + " INT64. Every case, one row group per 10,000; offset and limit do not apply.")
  @ApiResponse(
      responseCode = "200",
      description = "cases.parquet",
      content =
          @Content(
              mediaType = CaseParquet.MEDIA_TYPE,
              schema = @Schema(type = "string", format = "binary")))
  @ProblemResponses({400, 404})
  Mono<ResponseEntity<Flux<byte[]>>> casesParquet(
      @AuthenticationPrincipal AuthenticatedAccount caller, @PathVariable("id") UUID id) {
    LongFunction<Mono<CaseSlice>> page =
        offset -> cases.cases(caller.accountId(), id, offset, ListCasesQuery.MAX_LIMIT);
    return Mono.defer(() -> CaseParquet.table(page))
        .map(
            table ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(CaseParquet.MEDIA_TYPE))
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases.parquet\"")
                    .body(CaseParquet.file(table, page)));
  }

  @GetMapping(
      value = "/experiments/{id}/cases/{index}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "getCaseResult", summary = "A case's full result, as /simulate gives it")
  @ProblemResponses({400, 404})
  Mono<SimulateResponse> result(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @PathVariable("id") UUID id,
      @PathVariable("index") int index) {
    return results.result(caller.accountId(), id, index).map(SimulateResponse::from);
  }

  @GetMapping(value = "/experiments/{id}/cases/{index}", produces = TEXT_CSV)
  @Operation(operationId = "getCaseResult", summary = "A case's full result as CSV")
  @ProblemResponses({400, 404})
  Mono<ResponseEntity<Flux<String>>> resultCsv(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @PathVariable("id") UUID id,
      @PathVariable("index") int index) {
    return results
        .result(caller.accountId(), id, index)
        .map(
            report ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"case-" + index + ".csv\"")
                    .body(CsvResults.of(report.result())));
  }
}
