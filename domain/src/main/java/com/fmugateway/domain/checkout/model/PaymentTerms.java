package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.shared.model.Money;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the gateway sells and for how long its offers stand: the price of one run, the credit packs,
 * how long a checkout stays payable ({@code sessionTtl}) and a paid run's token usable ({@code
 * tokenTtl}); a pending checkout is offered again only while {@code reuseMargin} of it is left. The
 * return URLs may contain {@code {session_id}}; they are read whenever a checkout opens, because a
 * default one names the port the server got, known only once it listens.
 */
public record PaymentTerms(
    Money runPrice,
    List<CreditPack> packs,
    Duration sessionTtl,
    Duration tokenTtl,
    Duration reuseMargin,
    Supplier<String> successUrl,
    Supplier<String> cancelUrl) {

  /** Written in a success or cancel URL, replaced by the checkout's session id. */
  public static final String SESSION_ID = "{session_id}";

  public PaymentTerms {
    Objects.requireNonNull(runPrice, "runPrice");
    packs = List.copyOf(packs);
    Objects.requireNonNull(successUrl, "successUrl");
    Objects.requireNonNull(cancelUrl, "cancelUrl");
    if (runPrice.minorUnits() < 1) {
      throw new IllegalArgumentException("a run must cost something");
    }
    if (!positive(sessionTtl) || !positive(tokenTtl) || reuseMargin.isNegative()) {
      throw new IllegalArgumentException("session and token lifetimes must be positive");
    }
    if (reuseMargin.compareTo(sessionTtl) >= 0) {
      throw new IllegalArgumentException("the reuse margin must be shorter than a session");
    }
  }

  /** Terms whose return URLs are fixed. */
  public PaymentTerms(
      Money runPrice,
      List<CreditPack> packs,
      Duration sessionTtl,
      Duration tokenTtl,
      Duration reuseMargin,
      String successUrl,
      String cancelUrl) {
    this(
        runPrice,
        packs,
        sessionTtl,
        tokenTtl,
        reuseMargin,
        fixed(successUrl, "successUrl"),
        fixed(cancelUrl, "cancelUrl"));
  }

  public Optional<CreditPack> pack(String id) {
    return packs.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public String successUrl(PaymentSessionId session) {
    return successUrl(session, Optional.empty());
  }

  public String cancelUrl(PaymentSessionId session) {
    return cancelUrl(session, Optional.empty());
  }

  /** The caller's success URL, else the default one, with {@value #SESSION_ID} filled in. */
  public String successUrl(PaymentSessionId session, Optional<String> callers) {
    return callers.orElseGet(successUrl).replace(SESSION_ID, session.value());
  }

  /** The caller's cancel URL, else the default one, with {@value #SESSION_ID} filled in. */
  public String cancelUrl(PaymentSessionId session, Optional<String> callers) {
    return callers.orElseGet(cancelUrl).replace(SESSION_ID, session.value());
  }

  private static Supplier<String> fixed(String url, String name) {
    Objects.requireNonNull(url, name);
    return () -> url;
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }
}
