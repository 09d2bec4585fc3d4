package com.fmugateway.adapter.in.http.simulation;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.adapter.in.http.experiment.ExperimentAnswers;
import com.fmugateway.adapter.in.http.experiment.ExperimentResponse;
import com.fmugateway.adapter.in.http.payment.X402Wire;
import com.fmugateway.adapter.in.http.problem.PaymentRequiredException;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.experiment.port.in.StartExperimentCommand;
import com.fmugateway.domain.experiment.port.in.StartExperimentUseCase;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.port.in.SimulateUseCase;
import com.fmugateway.domain.simulation.port.in.StreamSimulationUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /simulate}: run a model; JSON by default, CSV with {@code Accept: text/csv}. Paid
 * from credits, by a {@code payment_token} or by an x402 payment ({@code PAYMENT-SIGNATURE}); 402
 * with a checkout (and x402's {@code PAYMENT-REQUIRED}) when none covers it.
 */
@RestController
@Tag(name = "Simulation")
class SimulateController {

  static final String TEXT_CSV = "text/csv";

  static final String X402_HEADER_DOC =
      "An x402 (version 2) payment for this run instead of credits: base64 JSON of a payment"
          + " payload meeting the `PAYMENT-REQUIRED` requirements of a 402. Settled only when the"
          + " run succeeds; the 200 then carries `PAYMENT-RESPONSE`.";

  private final SimulateUseCase simulate;
  private final StreamSimulationUseCase streamed;
  private final StartExperimentUseCase experiments;
  private final JsonMapper json;

  SimulateController(
      SimulateUseCase simulate,
      StreamSimulationUseCase streamed,
      StartExperimentUseCase experiments,
      JsonMapper json) {
    this.simulate = simulate;
    this.streamed = streamed;
    this.experiments = experiments;
    this.json = json;
  }

  @PostMapping(
      value = "/simulate",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "simulate",
      summary = "Run a simulation",
      description =
          "Co-simulation or model exchange (adaptive Dormand–Prince with state and time events)."
              + " Results are columnar: `results.time` and one array per variable. A NaN or ±Infinity"
              + " sample (or KPI) is `null` there, spelt out in `non_finite` (`NaN`, `Infinity`,"
              + " `-Infinity`: the spelling CSV cells use). Without enough"
              + " credits and without a `payment_token`: 402 with `checkout_url`, `session_id` and"
              + " `next_step`, and, when x402 is accepted, the `PAYMENT-REQUIRED` header (and an"
              + " `x402` member): retry with `PAYMENT-SIGNATURE` to pay with x402.")
  @ApiResponse(
      responseCode = "200",
      description =
          "The run's results, streamed as they come (`results` first; `status`, `cost`, `kpis`"
              + " and `provenance` once the run has succeeded and was charged). A run that fails"
              + " once results have gone out leaves the JSON unclosed, the connection aborted, and"
              + " is not charged. Paid with x402: sent whole, after the run.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = SimulateResponse.class)))
  @ApiResponse(
      responseCode = "202",
      description =
          "With `async: true`: queued as a one-case experiment (see Location); its clock ticks"
              + " go with it, and its result (`/experiments/{id}/cases/0`) has `clock_events`",
      content = @Content(schema = @Schema(implementation = ExperimentResponse.class)))
  @ProblemResponses({400, 402, 404, 410, 413, 415, 422, 429, 503})
  Mono<ResponseEntity<Flux<DataBuffer>>> simulate(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestBody SimulateRequest request,
      @RequestParam(name = "quote_only", required = false) Boolean quoteOnly,
      @Parameter(description = X402_HEADER_DOC)
          @RequestHeader(name = X402Wire.PAYMENT_SIGNATURE, required = false)
          String x402,
      ServerHttpResponse response) {
    if (Boolean.TRUE.equals(request.async())) {
      return Mono.fromCallable(
              () ->
                  new StartExperimentCommand(
                      request.toCommand(
                          caller, quoteOnly, Optional.ofNullable(x402).map(X402Wire::decode)),
                      new Sweep(
                          SweepMethod.CASES, Map.of(), OptionalInt.empty(), 0, List.of(Map.of())),
                      Optional.empty()))
          .flatMap(experiments::start)
          .map(ExperimentAnswers::answer)
          .map(
              answer ->
                  ResponseEntity.status(answer.getStatusCode())
                      .headers(answer.getHeaders())
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(whole(answer.getBody())));
    }
    if (streams(quoteOnly, x402)) {
      return Mono.fromCallable(() -> request.toCommand(caller, quoteOnly, Optional.empty()))
          .map(
              command ->
                  ResponseEntity.ok()
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(StreamedJson.of(streamed.stream(command, ResultLayout.COLUMNS), json)));
    }
    return run(caller, request, quoteOnly, x402, response)
        .map(
            report ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(whole(SimulateResponse.from(report))));
  }

  @PostMapping(
      value = "/simulate",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = TEXT_CSV)
  @Operation(
      operationId = "simulate",
      summary = "Run a simulation and get CSV (time first, then one column per variable)")
  @ApiResponse(
      responseCode = "200",
      description =
          "The run's results, streamed: a run that fails once rows have gone out is cut off"
              + " (the connection aborted) and not charged",
      content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
  @ProblemResponses({400, 402, 404, 410, 413, 415, 422, 429, 503})
  Mono<ResponseEntity<Flux<DataBuffer>>> simulateCsv(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestBody SimulateRequest request,
      @RequestParam(name = "quote_only", required = false) Boolean quoteOnly,
      @Parameter(description = X402_HEADER_DOC)
          @RequestHeader(name = X402Wire.PAYMENT_SIGNATURE, required = false)
          String x402,
      ServerHttpResponse response) {
    if (streams(quoteOnly, x402)) {
      return Mono.fromCallable(() -> request.toCommand(caller, quoteOnly, Optional.empty()))
          .map(command -> csv(StreamedCsv.of(streamed.stream(command, ResultLayout.ROWS))));
    }
    return run(caller, request, quoteOnly, x402, response)
        .map(report -> csv(CsvResults.of(report.result()).map(TextPieces::bytes)));
  }

  /**
   * Whether the run streams: its samples go out as they come and its outcome ends the body. Not
   * when the response's headers depend on the outcome: an x402 payment's {@code PAYMENT-RESPONSE}
   * is known only once settled, after the run; nor a quote, which runs nothing.
   */
  private static boolean streams(Boolean quoteOnly, String x402) {
    return x402 == null && !Boolean.TRUE.equals(quoteOnly);
  }

  private static ResponseEntity<Flux<DataBuffer>> csv(Flux<DataBuffer> body) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"simulation.csv\"")
        .body(body);
  }

  /** A body known whole, as JSON in one buffer. */
  private Flux<DataBuffer> whole(Object body) {
    return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(json.writeValueAsBytes(body)));
  }

  /** The run's report; a request that must be paid first is the 402, raised here and only here. */
  private Mono<SimulationReport> run(
      AuthenticatedAccount caller,
      SimulateRequest request,
      Boolean quoteOnly,
      String x402,
      ServerHttpResponse response) {
    return Mono.fromCallable(
            () ->
                request.toCommand(
                    caller, quoteOnly, Optional.ofNullable(x402).map(X402Wire::decode)))
        .flatMap(simulate::simulate)
        .flatMap(
            outcome ->
                outcome instanceof SimulationOutcome.Completed completed
                    ? Mono.just(completed.report())
                    : Mono.error(
                        new PaymentRequiredException(
                            ((SimulationOutcome.PaymentRequired) outcome).demand())))
        .doOnNext(
            report ->
                report
                    .x402()
                    .ifPresent(
                        receipt ->
                            response
                                .getHeaders()
                                .set(
                                    X402Wire.PAYMENT_RESPONSE,
                                    X402Wire.encode(X402Wire.response(receipt)))));
  }
}
