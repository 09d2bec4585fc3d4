package com.fmugateway.domain.service;

import com.fmugateway.domain.model.credit.Hold;
import com.fmugateway.domain.model.payment.RunPayment;
import com.fmugateway.domain.model.run.RunRecord;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * How one run is paid, secured before it starts: held credits, or a reserved payment token. After
 * the run it is settled (and the run recorded), or given back when the run fails.
 */
interface RunCharge {

  /** Credits reserved for the run. */
  long quotedCredits();

  /** Credits the run costs the caller, given what it cost to run. */
  long credits(long runCost);

  /** The money that paid for the run instead of credits. */
  Optional<RunPayment> payment();

  Mono<Void> settle(long credits, RunRecord run);

  Mono<Void> release(RunRecord run);

  /** For a caller that went away: nothing may stay reserved. */
  void releaseDetached();

  /** Credits held on the ledger, captured after the run. */
  static RunCharge credits(RunMetering metering, Hold hold) {
    return new RunCharge() {
      @Override
      public long quotedCredits() {
        return hold.amount();
      }

      @Override
      public long credits(long runCost) {
        return runCost;
      }

      @Override
      public Optional<RunPayment> payment() {
        return Optional.empty();
      }

      @Override
      public Mono<Void> settle(long credits, RunRecord run) {
        return metering.settle(hold, credits, run);
      }

      @Override
      public Mono<Void> release(RunRecord run) {
        return metering.release(hold, run);
      }

      @Override
      public void releaseDetached() {
        metering.releaseDetached(hold);
      }
    };
  }
}
