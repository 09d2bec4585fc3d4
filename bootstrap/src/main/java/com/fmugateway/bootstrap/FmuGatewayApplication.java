package com.fmugateway.bootstrap;

import com.fmugateway.adapter.in.http.HttpConfiguration;
import com.fmugateway.adapter.in.mcp.McpConfiguration;
import com.fmugateway.adapter.in.portal.PortalConfiguration;
import com.fmugateway.adapter.out.callback.CallbacksConfiguration;
import com.fmugateway.adapter.out.fmi.FmiConfiguration;
import com.fmugateway.adapter.out.payments.PaymentsConfiguration;
import com.fmugateway.adapter.out.persistence.PersistenceConfiguration;
import com.fmugateway.bootstrap.timing.TimingConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Import;

/** FMU Gateway: the adapters are imported by name and the core is wired by hand. */
// No in-memory user store: it would log a generated password, and nothing here uses one.
@SpringBootApplication(
    proxyBeanMethods = false,
    exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
@Import({
  SharedWiring.class,
  AccountWiring.class,
  BillingWiring.class,
  CheckoutWiring.class,
  FmuWiring.class,
  SimulationWiring.class,
  ExperimentWiring.class,
  OperationsWiring.class,
  FirstOperator.class,
  BehindProxy.class,
  Housekeeping.class,
  PersistenceConfiguration.class,
  FmiConfiguration.class,
  PaymentsConfiguration.class,
  CallbacksConfiguration.class,
  HttpConfiguration.class,
  McpConfiguration.class,
  PortalConfiguration.class,
  TimingConfiguration.class
})
public class FmuGatewayApplication {

  private static final String LAST_FLUSH_WHEN_NO_READ =
      "reactor.netty.http.server.lastFlushWhenNoRead";

  static {
    // Reactor Netty on Java NIO, not Netty 4.2's native epoll: on epoll 14 of 1,440 requests went
    // unanswered under four clients (apparently a response written from another thread waited in
    // its event loop for the next event there), none on NIO (scripts/mixed-gets.py). Set before any
    // Netty class reads it; -Dreactor.netty.native=true
    // still chooses epoll.
    if (System.getProperty("reactor.netty.native") == null) {
      System.setProperty("reactor.netty.native", "false");
    }
    // Reactor Netty 1.3.6 buffers a keep-alive request that arrives before the previous request's
    // operations have ended (its response already sent) and may then never read it: GET /health,
    // sent again as soon as its answer ends, went unanswered about once in 50 requests. With this
    // setting the operations end before the response's last flush, so the next request cannot
    // arrive early (reactor-netty#4361; ADR 0015, second addendum; IdleConnectionsIT).
    if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
      System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(FmuGatewayApplication.class, args);
  }
}
