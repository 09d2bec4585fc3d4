package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.checkout.model.PaymentGoneException;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.model.StoreUnavailableException;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures as tool errors the model can act on, in the words of the API's problem+json: the
 * argument named as the caller spelt it, retry hints, the FMU's log. No stack trace, no Java type
 * name; anything unexpected is logged with an id the answer quotes.
 */
final class ToolErrors {

  private static final Logger log = LoggerFactory.getLogger(ToolErrors.class);

  /** Seconds to wait after a refusal whose cause passes quickly (database, provider, workers). */
  static final int RETRY_AFTER_SECONDS = 5;

  private ToolErrors() {}

  static ToolAnswer answer(Throwable failure) {
    return answer(failure, "search_models lists the models you may use.");
  }

  /** {@code failure} as a tool error; {@code notFoundHint} tells where valid ids are found. */
  static ToolAnswer answer(Throwable failure, String notFoundHint) {
    if (failure instanceof InvalidInputException invalid) {
      String argument = snakeCase(invalid.field());
      Map<String, Object> body = error("invalid_argument", argument + ": " + invalid.getMessage());
      body.put("argument", argument);
      return ToolAnswer.failed(body);
    }
    if (failure instanceof NotFoundException notFound) {
      return ToolAnswer.failed(error("not_found", notFound.getMessage() + ". " + notFoundHint));
    }
    if (failure instanceof LimitReachedException reached) {
      Map<String, Object> body = error("limit_reached", reached.getMessage());
      body.put("limit", reached.limit());
      body.put("max", reached.max());
      reached
          .retryAfter()
          .ifPresent(d -> body.put("retry_after_seconds", Math.max(1, d.toSeconds())));
      return ToolAnswer.failed(body);
    }
    if (failure instanceof SimulationFailedException failed) {
      boolean overloaded = failed.failureCause() == SimulationFailedException.Cause.OVERLOADED;
      Map<String, Object> body =
          error(
              overloaded ? "overloaded" : "simulation_failed",
              failed.getMessage() + "; nothing was charged");
      body.put("cause", failed.failureCause().name().toLowerCase(Locale.ROOT));
      body.put("fmu_log", failed.fmuLog());
      if (overloaded) {
        body.put("retry_after_seconds", RETRY_AFTER_SECONDS);
      }
      return ToolAnswer.failed(body);
    }
    if (failure instanceof PaymentGoneException gone) {
      Map<String, Object> body = error("payment_token_gone", gone.getMessage());
      body.put("argument", "payment_token");
      return ToolAnswer.failed(body);
    }
    if (failure instanceof ProviderUnavailableException) {
      Map<String, Object> body =
          error(
              "payment_provider_unavailable",
              "the payment provider cannot be reached; nothing was charged, try again shortly");
      body.put("retry_after_seconds", 30);
      return ToolAnswer.failed(body);
    }
    if (failure instanceof InvalidFmuException invalidFmu) {
      return ToolAnswer.failed(error("invalid_fmu", invalidFmu.getMessage()));
    }
    if (outageIn(failure)) {
      Map<String, Object> body =
          error(
              "unavailable",
              "the gateway's database is temporarily unavailable; nothing was done or charged,"
                  + " try again shortly");
      body.put("retry_after_seconds", RETRY_AFTER_SECONDS);
      return ToolAnswer.failed(body);
    }
    String errorId = UUID.randomUUID().toString();
    log.error("Unhandled error in an MCP tool call {}", errorId, failure);
    Map<String, Object> body =
        error(
            "internal_error",
            "An unexpected error occurred; quote error id " + errorId + " to support.");
    body.put("error_id", errorId);
    return ToolAnswer.failed(body);
  }

  /** A run refused by the runs-per-minute limit of the caller's tier. */
  static ToolAnswer rateLimited(int limit, long retryAfterSeconds) {
    Map<String, Object> body =
        error(
            "rate_limited",
            "rate limit of "
                + limit
                + " runs per minute reached; retry in "
                + retryAfterSeconds
                + " s");
    body.put("retry_after_seconds", retryAfterSeconds);
    return ToolAnswer.failed(body);
  }

  private static Map<String, Object> error(String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return body;
  }

  private static boolean outageIn(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof StoreUnavailableException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The domain names fields in Java's camelCase ({@code stopTime}, {@code startValues.T}); tools
   * take snake_case. Only the leading name is converted: what follows is the model's own.
   */
  static String snakeCase(String field) {
    int end = field.length();
    for (int i = 0; i < field.length(); i++) {
      if (field.charAt(i) == '.' || field.charAt(i) == '[') {
        end = i;
        break;
      }
    }
    StringBuilder out = new StringBuilder(field.length() + 4);
    for (char c : field.substring(0, end).toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.append(field.substring(end)).toString();
  }
}
