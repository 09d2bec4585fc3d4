package com.fmugateway.adapter.in.http.problem;

import com.fmugateway.domain.account.model.InvalidCredentialsException;
import com.fmugateway.domain.account.model.TooManyLogInAttemptsException;
import com.fmugateway.domain.billing.model.X402SettlementFailedException;
import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.PaymentGoneException;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.UploadTooLargeException;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.model.StoreUnavailableException;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Turns every error of the API into problem+json: domain validation, malformed JSON, unknown
 * routes, and unexpected failures (logged with an id; no stack trace reaches the client).
 */
public final class ProblemExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  static final int STORE_RETRY_AFTER_SECONDS = 5;

  private final ProblemWriter writer;

  public ProblemExceptionHandler(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    if (exchange.getResponse().isCommitted()) {
      // Too late for a problem: the status and part of the body are out (a streamed result that
      // failed). Passed on, the error makes the server abort the connection instead of ending the
      // body cleanly, so that the client cannot take what it got for the whole answer.
      return Mono.error(ex);
    }
    if (ex instanceof DecodingException && isMultipart(exchange)) {
      return writer.write(exchange, RequestProblems.brokenMultipart((DecodingException) ex));
    }
    Problem problem = toProblem(ex);
    return writer.write(exchange, X402Problems.withHeaders(exchange, ex, problem));
  }

  private static boolean isMultipart(ServerWebExchange exchange) {
    MediaType type = exchange.getRequest().getHeaders().getContentType();
    return type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type);
  }

  Problem toProblem(Throwable ex) {
    if (ex instanceof NotFoundException notFound) {
      return Problem.of(HttpStatus.NOT_FOUND, notFound.getMessage());
    }
    if (ex instanceof InvalidFmuException invalidFmu) {
      return new Problem(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "Invalid FMU",
          invalidFmu.getMessage(),
          List.of(new Problem.FieldError("file", invalidFmu.getMessage())),
          Map.of());
    }
    if (ex instanceof UploadTooLargeException tooLarge) {
      return Problem.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage())
          .with("max_bytes", tooLarge.maxBytes());
    }
    if (ex instanceof DataBufferLimitException) {
      return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large");
    }
    if (ex instanceof InvalidCredentialsException) {
      return Problem.of(HttpStatus.UNAUTHORIZED, ex.getMessage());
    }
    if (ex instanceof TooManyLogInAttemptsException tooMany) {
      return Problem.of(HttpStatus.TOO_MANY_REQUESTS, tooMany.getMessage())
          .with("retry_after", Math.max(1, tooMany.retryAfter().toSeconds()));
    }
    if (ex instanceof PaymentRequiredException payment) {
      return PaymentProblems.paymentRequired(payment.demand());
    }
    if (ex instanceof X402SettlementFailedException unsettled) {
      return Problem.of(HttpStatus.PAYMENT_REQUIRED, unsettled.getMessage());
    }
    if (ex instanceof PaymentGoneException gone) {
      return Problem.of(HttpStatus.GONE, gone.getMessage());
    }
    if (ex instanceof ProviderUnavailableException unavailable) {
      log.warn("Payment provider unavailable: {}", unavailable.getMessage());
      return Problem.of(
              HttpStatus.SERVICE_UNAVAILABLE,
              "the payment provider cannot be reached; nothing was charged, try again shortly")
          .with("retry_after", PaymentProblems.PROVIDER_RETRY_AFTER_SECONDS);
    }
    if (ex instanceof InvalidWebhookException invalid) {
      return Problem.of(HttpStatus.BAD_REQUEST, "webhook refused: " + invalid.getMessage());
    }
    if (ex instanceof LimitReachedException reached) {
      return LimitProblems.of(reached);
    }
    if (ex instanceof SimulationFailedException failed) {
      return SimulationProblems.of(failed);
    }
    if (ex instanceof InvalidInputException invalid) {
      return Problem.invalidField(FieldNames.toJson(invalid.field()), invalid.getMessage());
    }
    if (ex instanceof WebExchangeBindException bind) {
      return Problem.invalidFields(
          bind.getFieldErrors().stream()
              .map(
                  e ->
                      new Problem.FieldError(
                          FieldNames.toJson(e.getField()), String.valueOf(e.getDefaultMessage())))
              .toList());
    }
    if (ex instanceof MissingRequestValueException missing) {
      return Problem.invalidField(missing.getName(), "is required");
    }
    if (ex instanceof ServerWebInputException input) {
      return fromInput(input);
    }
    if (ex instanceof NoResourceFoundException) {
      return Problem.of(HttpStatus.NOT_FOUND, "No such endpoint. The API is described at /docs.");
    }
    if (ex instanceof ResponseStatusException status) {
      return Problem.of(resolve(status.getStatusCode()), reasonOf(status));
    }
    StoreUnavailableException outage = outageIn(ex);
    if (outage != null) {
      log.warn("Database unreachable: {}", String.valueOf(outage.getCause()));
      return Problem.of(
              HttpStatus.SERVICE_UNAVAILABLE,
              "the gateway's database is temporarily unavailable; nothing was done or charged,"
                  + " try again shortly")
          .with("retry_after", STORE_RETRY_AFTER_SECONDS);
    }
    String errorId = UUID.randomUUID().toString();
    log.error("Unhandled error {}", errorId, ex);
    return Problem.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "An unexpected error occurred; quote error id " + errorId + " to support.")
        .with("error_id", errorId);
  }

  /** Stores raise it; the framework may have wrapped it on the way (a failed transaction). */
  private static StoreUnavailableException outageIn(Throwable ex) {
    for (Throwable e = ex; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof StoreUnavailableException outage) {
        return outage;
      }
    }
    return null;
  }

  private static Problem fromInput(ServerWebInputException input) {
    Throwable cause = input.getMostSpecificCause();
    if (cause instanceof DataBufferLimitException) {
      return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large");
    }
    if (cause instanceof JacksonException jackson) {
      return RequestProblems.badJson(jackson);
    }
    if (input.getMethodParameter() != null && input.getCause() instanceof TypeMismatchException) {
      return RequestProblems.badParameter(input.getMethodParameter());
    }
    return Problem.invalidField("body", reasonOf(input));
  }

  private static String reasonOf(ResponseStatusException e) {
    return e.getReason() != null ? e.getReason() : resolve(e.getStatusCode()).getReasonPhrase();
  }

  private static HttpStatus resolve(HttpStatusCode code) {
    HttpStatus status = HttpStatus.resolve(code.value());
    return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
