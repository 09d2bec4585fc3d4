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

  public static void main(String[] args) {
    SpringApplication.run(FmuGatewayApplication.class, args);
  }
}
