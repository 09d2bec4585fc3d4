package com.fmugateway.adapter.in.portal.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Puts the signed-in person, if any, into every page's model as {@code viewer}, so the layout shows
 * a visitor the sign-up links and a customer their pages (operators also see theirs). Read from the
 * exchange's principal: a visitor has none, or one that is not a {@link PortalUser}.
 */
@ControllerAdvice
class ViewerAdvice {

  @ModelAttribute("viewer")
  Mono<ViewerView> viewer(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .filter(Authentication.class::isInstance)
        .map(Authentication.class::cast)
        .filter(Authentication::isAuthenticated)
        .map(Authentication::getPrincipal)
        .filter(PortalUser.class::isInstance)
        .map(PortalUser.class::cast)
        .map(ViewerView::of);
  }
}
