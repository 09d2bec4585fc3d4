package com.fmugateway.adapter.in.portal;

import com.fmugateway.adapter.in.portal.error.PortalErrorPages;
import com.fmugateway.adapter.in.portal.limit.PortalRateLimitFilter;
import com.fmugateway.adapter.in.portal.security.PortalSecurity;
import com.fmugateway.adapter.in.portal.security.PortalSessions;
import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import com.fmugateway.domain.account.port.in.LogInUseCase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.session.InMemoryReactiveSessionRegistry;
import org.springframework.security.core.session.ReactiveSessionRegistry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * The web portal: page controllers (scanned in this package only), their security chain and their
 * rate-limited routes.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PortalConfiguration.class)
public class PortalConfiguration {

  /** Evaluated before the API chain, which matches everything the portal does not. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain portalSecurity(
      ServerHttpSecurity http,
      LogInUseCase logIn,
      PortalErrorPages errorPages,
      ReactiveSessionRegistry portalSessionRegistry,
      WebSessionManager webSessionManager) {
    if (!(webSessionManager instanceof DefaultWebSessionManager sessions)) {
      throw new IllegalStateException(
          "the portal limits sessions per account in the session store of a"
              + " DefaultWebSessionManager, not of "
              + webSessionManager.getClass().getName());
    }
    return PortalSecurity.chain(
        http, logIn, errorPages, portalSessionRegistry, sessions.getSessionStore());
  }

  /** Which sessions each account is logged in with, to keep at most a few per account. */
  @Bean
  ReactiveSessionRegistry portalSessionRegistry() {
    return new InMemoryReactiveSessionRegistry();
  }

  @Bean
  PortalSessions portalSessions(ReactiveSessionRegistry portalSessionRegistry) {
    return new PortalSessions(portalSessionRegistry);
  }

  /** Runs after the security filter chains (order -100), so CSRF is checked first. */
  @Bean
  @Order(0)
  PortalRateLimitFilter portalRateLimitFilter(EnforceRateLimitUseCase limits) {
    return new PortalRateLimitFilter(limits);
  }

  /** Ahead of the API's problem+json handler (order -2), for portal pages only. */
  @Bean
  @Order(-3)
  PortalErrorPages portalErrorPages(
      ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> viewResolvers) {
    return new PortalErrorPages(codecs, viewResolvers.orderedStream().toList());
  }
}
