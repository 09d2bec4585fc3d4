package com.fmugateway.bootstrap;

import com.fmugateway.domain.account.port.in.EnsureOperatorUseCase;
import com.fmugateway.domain.account.port.in.SignUpCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Configuration;

/**
 * Creates (or promotes) the configured first operator once the gateway is up. Idempotent, so every
 * instance may run it; its failure is logged, never fatal, since customers are unaffected.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
class FirstOperator implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(FirstOperator.class);

  private final OperatorProperties properties;
  private final EnsureOperatorUseCase operators;

  FirstOperator(OperatorProperties properties, EnsureOperatorUseCase operators) {
    this.properties = properties;
    this.operators = operators;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (properties.email().isEmpty() || properties.password().isEmpty()) {
      return;
    }
    SignUpCommand credentials;
    try {
      credentials = new SignUpCommand(properties.email().get(), properties.password().get());
    } catch (RuntimeException e) {
      log.error("FMUGW_OPERATOR_EMAIL/PASSWORD rejected: {}", e.getMessage());
      return;
    }
    operators
        .ensureOperator(credentials)
        .subscribe(
            account -> log.info("Operator account {} is ready", account.email().orElse("?")),
            error -> log.error("Could not set up the first operator: {}", error.getMessage()));
  }
}
