package com.fmugateway.adapter.in.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** The web portal: page controllers (scanned in this package only) and their security chain. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PortalConfiguration.class)
public class PortalConfiguration {

  /** Paths the portal owns; everything else belongs to the API's chain. */
  static final String[] PORTAL_PATHS = {"/", "/assets/**", "/favicon.ico"};

  /** Evaluated before the API chain, which matches everything the portal does not. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain portalSecurity(ServerHttpSecurity http) {
    return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PORTAL_PATHS))
        .authorizeExchange(routes -> routes.anyExchange().permitAll())
        .build();
  }
}
