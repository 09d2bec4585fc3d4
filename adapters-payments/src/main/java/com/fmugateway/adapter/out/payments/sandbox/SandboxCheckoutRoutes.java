package com.fmugateway.adapter.out.payments.sandbox;

import com.fmugateway.domain.checkout.model.PaymentStatus;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The sandbox provider's own web pages, served by the gateway: {@code GET /sandbox/checkout/{id}},
 * and the Pay and Cancel buttons' {@code POST …/pay} and {@code …/cancel}, which redirect (303) to
 * the checkout's success or cancel URL as a provider's hosted page would.
 */
public final class SandboxCheckoutRoutes {

  private final SandboxPaymentProvider provider;

  public SandboxCheckoutRoutes(SandboxPaymentProvider provider) {
    this.provider = provider;
  }

  public RouterFunction<ServerResponse> routes() {
    String checkout = SandboxPaymentProvider.CHECKOUT_PATH + "{id}";
    return RouterFunctions.route()
        .GET(checkout, this::page)
        .POST(checkout + "/pay", this::pay)
        .POST(checkout + "/cancel", this::cancel)
        .build();
  }

  private Mono<ServerResponse> page(ServerRequest request) {
    return provider
        .checkout(request.pathVariable("id"))
        .map(
            session ->
                switch (session.status()) {
                  case PENDING -> html(HttpStatus.OK, SandboxCheckoutPage.open(session));
                  case PAID ->
                      html(
                          HttpStatus.OK,
                          SandboxCheckoutPage.message(
                              "Paid", "This checkout is paid.", session.successUrl()));
                  default -> gone();
                })
        .orElseGet(SandboxCheckoutRoutes::unknown);
  }

  private Mono<ServerResponse> pay(ServerRequest request) {
    return provider
        .pay(request.pathVariable("id"))
        .flatMap(
            session ->
                session.status() == PaymentStatus.PAID
                    ? ServerResponse.seeOther(URI.create(session.successUrl())).build()
                    : gone())
        .switchIfEmpty(Mono.defer(SandboxCheckoutRoutes::unknown));
  }

  private Mono<ServerResponse> cancel(ServerRequest request) {
    // As at Stripe, cancelling only leaves the page; the checkout stays payable until it expires.
    return provider
        .checkout(request.pathVariable("id"))
        .map(session -> ServerResponse.seeOther(URI.create(session.cancelUrl())).build())
        .orElseGet(SandboxCheckoutRoutes::unknown);
  }

  private static Mono<ServerResponse> gone() {
    return html(
        HttpStatus.GONE,
        SandboxCheckoutPage.message("Expired", "This checkout expired unpaid.", null));
  }

  private static Mono<ServerResponse> unknown() {
    return html(
        HttpStatus.NOT_FOUND,
        SandboxCheckoutPage.message(
            "Unknown checkout",
            "The sandbox knows no such checkout; it forgets them when the gateway restarts.",
            null));
  }

  private static Mono<ServerResponse> html(HttpStatus status, String page) {
    return ServerResponse.status(status).contentType(MediaType.TEXT_HTML).bodyValue(page);
  }
}
