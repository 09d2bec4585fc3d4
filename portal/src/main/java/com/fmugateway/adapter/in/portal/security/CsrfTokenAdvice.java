package com.fmugateway.adapter.in.portal.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** WebFlux creates CSRF tokens lazily; subscribing here puts one into every page's forms. */
@ControllerAdvice
class CsrfTokenAdvice {

  @ModelAttribute("_csrfToken")
  Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    return token == null
        ? Mono.empty()
        : token.doOnNext(t -> exchange.getAttributes().put("_csrf", t));
  }
}
