package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole gateway started in this JVM on a random port, for tests that start several. Like the
 * contexts of {@code @SpringBootTest}, it runs on Reactor Netty resources of its own: with the
 * JVM-wide ones (Spring Boot's default), closing it would dispose the event loops and connection
 * pool that every other gateway's clients and every test's client in this JVM share.
 */
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
        new SpringApplicationBuilder(FmuGatewayApplication.class)
            .initializers(
                context -> context.getBeanFactory().addBeanPostProcessor(new OwnNettyResources()))
            .run(args.toArray(String[]::new)));
  }

  /**
   * A gateway on a fresh database of the shared test server, keeping its files in {@code dataDir},
   * with {@code settings} besides.
   */
  static RunningGateway startFresh(Path dataDir, Map<String, String> settings) {
    Map<String, String> properties = new LinkedHashMap<>(settings);
    properties.put("fmugw.database.url", TestDatabase.url(TestDatabase.freshDatabase()));
    properties.put("fmugw.data-dir", dataDir.toString());
    return start(properties);
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

  /** What Spring Boot's test support does for the contexts it starts itself. */
  private static final class OwnNettyResources implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
      if (bean instanceof ReactorResourceFactory factory) {
        factory.setUseGlobalResources(false);
      }
      return bean;
    }
  }
}
