package com.fmugateway.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A whole gateway started in this JVM on a random port, for tests that start several. */
final class RunningGateway implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private RunningGateway(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static RunningGateway start(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return new RunningGateway(
        new SpringApplicationBuilder(FmuGatewayApplication.class).run(args.toArray(String[]::new)));
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  WebTestClient client() {
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port())
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  @Override
  public void close() {
    context.close();
  }
}
