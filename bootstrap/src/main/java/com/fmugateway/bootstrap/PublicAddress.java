package com.fmugateway.bootstrap;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;

/**
 * Where customers reach the gateway: the configured public URL, or this server on localhost at the
 * port it listens on. Read when used, because a random port ({@code server.port=0}) is known only
 * once the server listens, and a configured URL may name it as {@code ${local.server.port}}.
 */
final class PublicAddress implements Supplier<String> {

  private final Optional<String> configured;
  private final Environment environment;

  PublicAddress(Optional<String> configured, Environment environment) {
    this.configured = configured;
    this.environment = environment;
  }

  @Override
  public String get() {
    if (configured.isPresent()) {
      return environment.resolveRequiredPlaceholders(configured.get());
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return "http://localhost:" + port;
  }
}
