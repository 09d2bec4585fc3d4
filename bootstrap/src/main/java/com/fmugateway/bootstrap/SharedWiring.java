package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.persistence.database.DatabaseServer;
import com.fmugateway.adapter.out.persistence.database.SecretCheck;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every business area shares: the clock and the server secret's keyed hash. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  GatewayProperties.class,
  SimulationProperties.class,
  BillingProperties.class,
  PaymentProperties.class,
  KeyProperties.class,
  LogInProperties.class
})
class SharedWiring {

  @Bean
  Clock clock() {
    return Instant::now;
  }

  /**
   * Refuses to start (with one sentence saying why) when the secret is not the one this database's
   * keys were hashed with.
   */
  @Bean
  ApiKeyHasher apiKeyHasher(GatewayProperties properties, DatabaseServer database) {
    ApiKeyHasher hasher = new ApiKeyHasher(ServerSecret.load(properties));
    SecretCheck.verify(database.endpoint(), hasher.fingerprint());
    return hasher;
  }
}
