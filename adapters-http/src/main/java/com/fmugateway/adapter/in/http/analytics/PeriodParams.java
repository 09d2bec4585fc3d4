package com.fmugateway.adapter.in.http.analytics;

import io.swagger.v3.oas.annotations.Parameter;
import java.util.Optional;

/** The {@code from} and {@code to} query parameters every report takes, as sent. */
record PeriodParams(
    @Parameter(description = "First UTC day, YYYY-MM-DD (default: 29 days before to)") String from,
    @Parameter(description = "Last UTC day, YYYY-MM-DD, included (default: today)") String to) {

  Optional<String> fromText() {
    return Optional.ofNullable(from);
  }

  Optional<String> toText() {
    return Optional.ofNullable(to);
  }
}
