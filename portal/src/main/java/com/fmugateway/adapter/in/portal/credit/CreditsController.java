package com.fmugateway.adapter.in.portal.credit;

import com.fmugateway.adapter.in.portal.PortalUrls;
import com.fmugateway.adapter.in.portal.security.PortalUser;
import com.fmugateway.domain.billing.port.in.GetAccountQuery;
import com.fmugateway.domain.billing.port.in.GetCreditHistoryQuery;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.CheckoutState;
import com.fmugateway.domain.checkout.model.PaymentGoneException;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentTerms;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.checkout.port.in.GetCheckoutQuery;
import com.fmugateway.domain.checkout.port.in.ListCreditPacksQuery;
import com.fmugateway.domain.checkout.port.in.StartCheckoutCommand;
import com.fmugateway.domain.checkout.port.in.StartCheckoutUseCase;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.NotFoundException;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The credits page: the balance, the packs on sale with a buy form per pack, and the ledger. Buying
 * opens a checkout at the provider and sends the browser there; the provider sends it back here
 * with the checkout's id, and the page tells how that checkout stands.
 */
@Controller
class CreditsController {

  private static final int HISTORY = 50;

  private final GetAccountQuery accounts;
  private final GetCreditHistoryQuery history;
  private final ListCreditPacksQuery packs;
  private final StartCheckoutUseCase checkouts;
  private final GetCheckoutQuery checkout;

  CreditsController(
      GetAccountQuery accounts,
      GetCreditHistoryQuery history,
      ListCreditPacksQuery packs,
      StartCheckoutUseCase checkouts,
      GetCheckoutQuery checkout) {
    this.accounts = accounts;
    this.history = history;
    this.packs = packs;
    this.checkouts = checkouts;
    this.checkout = checkout;
  }

  @GetMapping("/portal/credits")
  Mono<String> credits(
      @AuthenticationPrincipal PortalUser user,
      @RequestParam(name = "checkout", required = false) String returnedFrom,
      @RequestParam(name = "cancelled", required = false) String cancelled,
      Model model) {
    model.addAttribute("form", BuyForm.EMPTY);
    if (cancelled != null) {
      model.addAttribute("notice", new NoticeView("info", "credits.cancelled", null));
    }
    Mono<Void> returned =
        returnedFrom == null || returnedFrom.isBlank()
            ? Mono.empty()
            : outcome(user, returnedFrom)
                .doOnNext(notice -> model.addAttribute("notice", notice))
                .then();
    return returned.then(page(user, model));
  }

  @PostMapping("/portal/credits/checkout")
  Mono<String> buy(
      @AuthenticationPrincipal PortalUser user,
      @ModelAttribute BuyForm form,
      ServerWebExchange exchange,
      Model model) {
    String back = PortalUrls.origin(exchange.getRequest().getURI()) + "/portal/credits";
    return Mono.fromCallable(
            () ->
                new StartCheckoutCommand(
                    user.accountId(),
                    Optional.of(form.pack() == null ? "" : form.pack()),
                    Optional.empty(),
                    CheckoutOptions.parse(
                        form.method(),
                        back + "?checkout=" + PaymentTerms.SESSION_ID,
                        back + "?cancelled")))
        .flatMap(checkouts::start)
        .map(started -> "redirect:" + started.session().checkoutUrl())
        .onErrorResume(
            InvalidInputException.class,
            e -> {
              model.addAttribute("error", e.getMessage());
              return failed(user, form, model, e.field());
            })
        .onErrorResume(
            ProviderUnavailableException.class,
            e -> {
              model.addAttribute("errorKey", "credits.providerDown");
              return failed(user, form, model, "method");
            });
  }

  private Mono<String> failed(PortalUser user, BuyForm form, Model model, String field) {
    model.addAttribute("form", form);
    model.addAttribute("errorField", "paymentMethod".equals(field) ? "method" : field);
    return page(user, model);
  }

  /** How the checkout the provider sent the browser back from stands, as a notice. */
  private Mono<NoticeView> outcome(PortalUser user, String sessionId) {
    return checkout
        .checkout(user.accountId(), sessionId)
        .map(CreditsController::notice)
        .onErrorResume(NotFoundException.class, e -> Mono.empty())
        .onErrorResume(
            PaymentGoneException.class,
            e -> Mono.just(new NoticeView("info", "credits.gone", null)));
  }

  private static NoticeView notice(CheckoutState state) {
    if (state instanceof CheckoutState.Pending) {
      return new NoticeView("pending", "credits.pending", null);
    }
    if (state.session().purpose() == PaymentPurpose.CREDIT_PACK) {
      return new NoticeView("success", "credits.paid", state.session().credits());
    }
    return new NoticeView("success", "credits.paidRun", null);
  }

  private Mono<String> page(PortalUser user, Model model) {
    return Mono.zip(
            accounts.account(user.accountId()),
            packs.packs().collectList(),
            history.history(user.accountId(), HISTORY).collectList())
        .map(
            t -> {
              model.addAttribute("balance", t.getT1().credits());
              model.addAttribute("packs", t.getT2().stream().map(PackView::of).toList());
              model.addAttribute(
                  "methods", packs.methods().stream().map(PaymentMethod::code).toList());
              model.addAttribute("entries", t.getT3().stream().map(LedgerEntryView::of).toList());
              return "credit/credits";
            });
  }

  /** A message at the top of the page: its style, its key, and a number it may show. */
  record NoticeView(String kind, String message, Long credits) {}

  /** The buy form as sent: a pack id and a payment method code. */
  record BuyForm(String pack, String method) {
    static final BuyForm EMPTY = new BuyForm(null, null);
  }
}
