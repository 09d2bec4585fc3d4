package com.fmugateway.adapter.in.portal.credit;

import com.fmugateway.domain.checkout.model.PaymentGoneException;
import com.fmugateway.domain.checkout.port.in.GetCheckoutQuery;
import com.fmugateway.domain.shared.model.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * Where a provider sends the browser back after a checkout opened through the API (its default
 * return URL): no log-in needed, the checkout's id is the capability. Says whether the payment
 * arrived and what to do next, and shows nothing of the account beyond that checkout.
 */
@Controller
class CheckoutReturnController {

  private final GetCheckoutQuery checkouts;

  CheckoutReturnController(GetCheckoutQuery checkouts) {
    this.checkouts = checkouts;
  }

  @GetMapping("/portal/checkout/{sessionId}")
  Mono<String> returned(
      @PathVariable String sessionId,
      @RequestParam(name = "cancelled", required = false) String cancelled,
      Model model,
      ServerHttpResponse response) {
    return checkouts
        .returnedFrom(sessionId)
        .map(state -> CheckoutReturnView.of(state, cancelled != null))
        .onErrorResume(
            PaymentGoneException.class, e -> Mono.just(CheckoutReturnView.closed(sessionId)))
        .onErrorResume(
            NotFoundException.class,
            e -> {
              response.setStatusCode(HttpStatus.NOT_FOUND);
              return Mono.just(CheckoutReturnView.unknown(sessionId));
            })
        .map(
            view -> {
              model.addAttribute("checkout", view);
              return "credit/checkout";
            });
  }
}
