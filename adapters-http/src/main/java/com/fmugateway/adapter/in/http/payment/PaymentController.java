package com.fmugateway.adapter.in.http.payment;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.checkout.model.Checkout;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.CheckoutState;
import com.fmugateway.domain.checkout.port.in.GetCheckoutQuery;
import com.fmugateway.domain.checkout.port.in.ListCreditPacksQuery;
import com.fmugateway.domain.checkout.port.in.StartCheckoutCommand;
import com.fmugateway.domain.checkout.port.in.StartCheckoutUseCase;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Paying with money: a run up front ({@code POST /pay}), a credit pack ({@code POST
 * /credits/checkout}), and a checkout's outcome ({@code GET /payments/checkout/{session_id}}).
 */
@RestController
@Tag(name = "Payments")
class PaymentController {

  private final StartCheckoutUseCase checkouts;
  private final GetCheckoutQuery checkout;
  private final ListCreditPacksQuery packs;
  private final GetFmuQuery fmus;

  PaymentController(
      StartCheckoutUseCase checkouts,
      GetCheckoutQuery checkout,
      ListCreditPacksQuery packs,
      GetFmuQuery fmus) {
    this.checkouts = checkouts;
    this.checkout = checkout;
    this.packs = packs;
    this.fmus = fmus;
  }

  @PostMapping("/pay")
  @Operation(
      operationId = "pay",
      summary = "Pay for one run up front",
      description =
          "201 with checkout_url; the same request while its checkout is pending answers 200 with"
              + " that checkout again.")
  @ApiResponse(responseCode = "201", description = "A new checkout")
  @ApiResponse(responseCode = "200", description = "The pending checkout of the same request")
  @ProblemResponses({400, 404, 415, 429, 503})
  Mono<ResponseEntity<CheckoutResponse>> pay(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestBody(required = false) PayRequest request) {
    PayRequest body = request == null ? new PayRequest(null, null, null, null) : request;
    return Mono.fromCallable(
            () ->
                new StartCheckoutCommand(
                    caller.accountId(),
                    Optional.empty(),
                    Optional.ofNullable(body.fmuId()),
                    CheckoutOptions.parse(
                        body.paymentMethod(), body.successUrl(), body.cancelUrl())))
        .flatMap(command -> withModelChecked(caller, command))
        .flatMap(checkouts::start)
        .map(PaymentController::created);
  }

  /**
   * The model a run is paid for must be one the caller could run, exactly as {@code /simulate}
   * checks it (404 for another account's upload or none at all); the receipt names it by its
   * canonical id.
   */
  private Mono<StartCheckoutCommand> withModelChecked(
      AuthenticatedAccount caller, StartCheckoutCommand command) {
    if (command.fmuId().isEmpty()) {
      return Mono.just(command);
    }
    return fmus.fmu(caller.accountId(), new FmuId(command.fmuId().get()))
        .map(
            fmu ->
                new StartCheckoutCommand(
                    command.caller(),
                    command.pack(),
                    Optional.of(fmu.artifact().id().value()),
                    command.options()));
  }

  @PostMapping("/credits/checkout")
  @Operation(
      operationId = "buyCredits",
      summary = "Buy a credit pack",
      description = "201 with checkout_url; see GET /credits/packs")
  @ApiResponse(responseCode = "201", description = "A new checkout")
  @ApiResponse(responseCode = "200", description = "The pending checkout of the same request")
  @ProblemResponses({400, 415, 429, 503})
  Mono<ResponseEntity<CheckoutResponse>> buyCredits(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestBody CreditCheckoutRequest request) {
    return Mono.fromCallable(
            () ->
                new StartCheckoutCommand(
                    caller.accountId(),
                    Optional.of(request.pack() == null ? "" : request.pack()),
                    Optional.empty(),
                    CheckoutOptions.parse(
                        request.paymentMethod(), request.successUrl(), request.cancelUrl())))
        .flatMap(checkouts::start)
        .map(PaymentController::created);
  }

  @GetMapping("/credits/packs")
  @Operation(operationId = "listCreditPacks", summary = "The credit packs on sale")
  Flux<CreditPackResponse> packs() {
    return packs.packs().map(CreditPackResponse::from);
  }

  @GetMapping("/payments/checkout/{session_id}")
  @Operation(
      operationId = "getCheckout",
      summary = "A checkout's outcome",
      description =
          "200 once paid (a run: payment_token and its expires_at, shown again until used), 202"
              + " while pending, 404 for an unknown or another account's checkout, 410 once it"
              + " expired or its token was used.")
  @ApiResponse(responseCode = "200", description = "Paid")
  @ApiResponse(responseCode = "202", description = "Not paid yet: pay at checkout_url, ask again")
  @ProblemResponses({404, 410})
  Mono<ResponseEntity<CheckoutStatusResponse>> checkout(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @PathVariable("session_id") String sessionId) {
    return checkout
        .checkout(caller.accountId(), sessionId)
        .map(
            state ->
                ResponseEntity.status(
                        state instanceof CheckoutState.Pending
                            ? HttpStatus.ACCEPTED
                            : HttpStatus.OK)
                    .body(CheckoutStatusResponse.from(state)));
  }

  private static ResponseEntity<CheckoutResponse> created(Checkout checkout) {
    return ResponseEntity.status(checkout.reused() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(
            CheckoutResponse.of(
                checkout.session(),
                checkout.methods(),
                checkout.reused(),
                NextSteps.of(checkout.session())));
  }
}
