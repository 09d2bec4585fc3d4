package com.fmugateway.bootstrap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Behind a reverse proxy that ends TLS ({@code FMUGW_HTTP_BEHIND_PROXY=true}): the proxy's {@code
 * Forwarded} / {@code X-Forwarded-*} headers give each request its scheme, host and client address,
 * so HTTPS gets HSTS and a {@code Secure} session cookie, and limits count per real client. Off by
 * default: without a proxy that sets them, any client could claim any address.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("fmugw.http.behind-proxy")
class BehindProxy {

  /** Found by this name by the web handler, which applies it before any filter. */
  @Bean
  ForwardedHeaderTransformer forwardedHeaderTransformer() {
    return new ForwardedHeaderTransformer();
  }
}
