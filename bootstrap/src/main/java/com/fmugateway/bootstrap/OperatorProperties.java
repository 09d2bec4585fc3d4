package com.fmugateway.bootstrap;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first operator ({@code FMUGW_OPERATOR_EMAIL}, {@code FMUGW_OPERATOR_PASSWORD}). */
@ConfigurationProperties("fmugw.operator")
record OperatorProperties(Optional<String> email, Optional<String> password) {

  @Override
  public String toString() {
    return "OperatorProperties[" + email.orElse("-") + "]";
  }
}
