package com.fmugateway.bootstrap;

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
  KeyProperties.class
})
class SharedWiring {

  @Bean
  Clock clock() {
    return Instant::now;
  }

  @Bean
  ApiKeyHasher apiKeyHasher(GatewayProperties properties) {
    return new ApiKeyHasher(ServerSecret.load(properties));
  }
}
