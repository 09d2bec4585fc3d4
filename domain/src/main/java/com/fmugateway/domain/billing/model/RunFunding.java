package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.checkout.model.PaymentTokenHash;
import com.fmugateway.domain.checkout.model.RunPayment;
import com.fmugateway.domain.shared.model.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run stands with money before it starts: paid for ({@link Secured}: credits held, or a
 * payment token reserved, or an x402 payment claimed), or not ({@link Unpaid}, with what the caller
 * must pay). A value, not an exception: the use case decides, the inbound adapter answers 402 once.
 */
public sealed interface RunFunding {

  /** Paid for: settle it after a successful run, release it after anything else. */
  sealed interface Secured extends RunFunding {

    /** Credits reserved for the run (zero when money paid for it). */
    long quotedCredits();

    /** The money that paid for the run instead of credits. */
    Optional<RunPayment> payment();
  }

  /** Credits held on the ledger, captured after the run. */
  record ByCredits(Hold hold) implements Secured {

    public ByCredits {
      Objects.requireNonNull(hold, "hold");
    }

    @Override
    public long quotedCredits() {
      return hold.amount();
    }

    @Override
    public Optional<RunPayment> payment() {
      return Optional.empty();
    }
  }

  /** A payment token reserved for this run: consumed if it succeeds, ready again if not. */
  record ByToken(PaymentTokenHash token, RunPayment paidWith) implements Secured {

    public ByToken {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(paidWith, "paidWith");
    }

    @Override
    public long quotedCredits() {
      return 0;
    }

    @Override
    public Optional<RunPayment> payment() {
      return Optional.of(paidWith);
    }
  }

  /**
   * An x402 payment verified and claimed for this run ({@code key}): settled on chain if it
   * succeeds, never if not. No credits are touched.
   */
  record ByX402(X402Payment paidWith, X402Terms terms, Money price, String key) implements Secured {

    public ByX402 {
      Objects.requireNonNull(paidWith, "paidWith");
      Objects.requireNonNull(terms, "terms");
      Objects.requireNonNull(price, "price");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public long quotedCredits() {
      return 0;
    }

    @Override
    public Optional<RunPayment> payment() {
      return Optional.empty();
    }
  }

  /** Not paid for: the run must not start. */
  record Unpaid(PaymentDemand demand) implements RunFunding {

    public Unpaid {
      Objects.requireNonNull(demand, "demand");
    }
  }
}
