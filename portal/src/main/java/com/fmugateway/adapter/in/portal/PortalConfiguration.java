package com.fmugateway.adapter.in.portal;

import com.fmugateway.adapter.in.portal.security.PortalSecurity;
import com.fmugateway.domain.port.in.LogInUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** The web portal: page controllers (scanned in this package only) and their security chain. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PortalConfiguration.class)
public class PortalConfiguration {

  /** Evaluated before the API chain, which matches everything the portal does not. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, LogInUseCase logIn) {
    return PortalSecurity.chain(http, logIn);
  }
}
