package com.fmugateway.domain.checkout.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.Checkout;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.CreditPack;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.PaymentTerms;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.checkout.port.out.PaymentSessionStore;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.model.Money;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Opens checkouts, or hands back the pending one the same request opened before. The provider's
 * checkout is created first, with an idempotency key derived from our new session id, and the
 * session is stored only once it exists: a provider that is down leaves nothing behind.
 *
 * <p>One pending checkout per account and request: identical requests arriving together on this
 * gateway share one provider call; the store keeps one pending checkout per request whatever
 * gateways race, and a gateway that loses that race answers with the winner's checkout (its own
 * provider checkout is never shown to anyone and lapses unpaid).
 */
final class Checkouts {

  private static final System.Logger LOG = System.getLogger(Checkouts.class.getName());

  /** Longer than any provider adapter's own timeout; a backstop, not the policy. */
  private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(30);

  private final PaymentProviders providers;
  private final PaymentSessionStore sessions;
  private final PaymentTerms terms;
  private final Clock clock;
  private final AuditLog audit;
  private final SingleFlight<String, Checkout> opening = new SingleFlight<>();

  /** What a checkout buys; {@code request} identifies what was asked for, for reuse. */
  record Purchase(
      PaymentPurpose purpose,
      Optional<CreditPack> pack,
      Optional<String> fmuId,
      Money amount,
      String description,
      String request) {

    static Purchase run(Money price, Optional<String> fmuId, String request) {
      String description =
          "One simulation" + fmuId.map(id -> " of " + id).orElse("") + " on FMU Gateway";
      return new Purchase(PaymentPurpose.RUN, Optional.empty(), fmuId, price, description, request);
    }

    static Purchase pack(CreditPack pack) {
      String description =
          "FMU Gateway credit pack "
              + pack.id()
              + ": "
              + pack.credits()
              + " credits ("
              + pack.runs()
              + " runs)";
      return new Purchase(
          PaymentPurpose.CREDIT_PACK,
          Optional.of(pack),
          Optional.empty(),
          pack.price(),
          description,
          "pack:" + pack.id());
    }
  }

  Checkouts(
      PaymentProviders providers,
      PaymentSessionStore sessions,
      PaymentTerms terms,
      Clock clock,
      AuditLog audit) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.terms = Objects.requireNonNull(terms, "terms");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  PaymentTerms terms() {
    return terms;
  }

  List<PaymentMethod> methods() {
    return providers.methods();
  }

  /**
   * The account's pending checkout for this purchase on these options if it stays payable for the
   * reuse margin, else a new one; 503 (ProviderUnavailableException) when the provider is down.
   */
  Mono<Checkout> open(AccountId account, Purchase purchase, CheckoutOptions options) {
    return Mono.defer(
        () -> {
          PaymentProvider provider = providers.forMethod(options.method());
          String fingerprint =
              Fingerprints.of(
                  purchase.request(),
                  purchase.amount().minorUnits() + purchase.amount().currency(),
                  options.method().code(),
                  provider.id().code(),
                  options.successUrl().orElse("-"),
                  options.cancelUrl().orElse("-"));
          // Stored to the microsecond, so answers before and after a read-back agree.
          Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
          return sessions
              .findReusable(account, fingerprint, now.plus(terms.reuseMargin()))
              .map(session -> new Checkout(session, true, methods()))
              .switchIfEmpty(
                  Mono.defer(
                      () -> openNew(account, purchase, options, provider, fingerprint, now)));
        });
  }

  /**
   * Identical requests on this gateway share one opening; a checkout that lapses within the reuse
   * margin stops answering for the request first, so the new one can take its place.
   */
  private Mono<Checkout> openNew(
      AccountId account,
      Purchase purchase,
      CheckoutOptions options,
      PaymentProvider provider,
      String fingerprint,
      Instant now) {
    return opening
        .run(
            account.value() + "/" + fingerprint,
            () ->
                sessions
                    .supersede(account, fingerprint, now.plus(terms.reuseMargin()))
                    .then(
                        Mono.defer(
                            () -> create(account, purchase, options, provider, fingerprint, now))))
        .map(Checkouts::asSeenByCaller);
  }

  /** A caller that joined another's opening is handed a checkout it did not open: reused. */
  private static Checkout asSeenByCaller(SingleFlight.Shared<Checkout> shared) {
    Checkout checkout = shared.value();
    return shared.started() ? checkout : new Checkout(checkout.session(), true, checkout.methods());
  }

  /** The checkout stored for the request: ours, or the one another gateway stored first. */
  private Mono<Checkout> create(
      AccountId account,
      Purchase purchase,
      CheckoutOptions options,
      PaymentProvider provider,
      String fingerprint,
      Instant now) {
    PaymentSessionId id = PaymentSessionId.generate();
    CheckoutRequest request =
        new CheckoutRequest(
            id.value(),
            account,
            purchase.amount(),
            purchase.description(),
            options.method(),
            terms.successUrl(id, options.successUrl()),
            terms.cancelUrl(id, options.cancelUrl()),
            "checkout:" + id.value());
    return provider
        .createCheckout(request)
        .timeout(
            PROVIDER_TIMEOUT,
            Mono.error(
                () ->
                    new ProviderUnavailableException(
                        provider.id().code() + " did not answer in time", null)))
        .map(checkout -> session(id, account, purchase, options, checkout, fingerprint, now))
        .flatMap(sessions::add)
        .flatMap(
            stored ->
                stored.id().equals(id)
                    ? opened(stored).thenReturn(new Checkout(stored, false, methods()))
                    : lost(stored));
  }

  private Mono<Checkout> lost(PaymentSession winner) {
    LOG.log(
        System.Logger.Level.INFO,
        "Another gateway opened checkout "
            + winner.id().value()
            + " for the same request first; answering with it");
    return Mono.just(new Checkout(winner, true, methods()));
  }

  private PaymentSession session(
      PaymentSessionId id,
      AccountId account,
      Purchase purchase,
      CheckoutOptions options,
      ProviderCheckout checkout,
      String fingerprint,
      Instant now) {
    Instant ours = now.plus(terms.sessionTtl());
    return new PaymentSession(
        id,
        account,
        purchase.purpose(),
        purchase.pack().map(CreditPack::id),
        purchase.pack().map(CreditPack::credits).orElse(0L),
        purchase.fmuId(),
        purchase.amount(),
        options.method(),
        checkout.provider(),
        checkout.providerSessionId(),
        checkout.checkoutUrl(),
        PaymentStatus.PENDING,
        fingerprint,
        now,
        (checkout.expiresAt().isBefore(ours) ? checkout.expiresAt() : ours)
            .truncatedTo(ChronoUnit.MICROS));
  }

  private Mono<Void> opened(PaymentSession session) {
    return audit.record(
        AuditEvent.by(
                session.account(), session.createdAt(), "payment.opened", session.id().value())
            .with("purpose", session.purpose().code())
            .with("amount", session.amount().decimal() + " " + session.amount().currency())
            .with("provider", session.provider().code()));
  }
}
