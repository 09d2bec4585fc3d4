package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.ExperimentFunding;
import com.fmugateway.domain.billing.model.Hold;
import com.fmugateway.domain.billing.model.InsufficientCreditsException;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.PaymentOffer;
import com.fmugateway.domain.billing.model.PriceList;
import com.fmugateway.domain.billing.model.RunCharge;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.model.Settlement;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.billing.model.X402Offer;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402Settings;
import com.fmugateway.domain.billing.port.in.PayForExperimentUseCase;
import com.fmugateway.domain.billing.port.in.PayForRunUseCase;
import com.fmugateway.domain.billing.port.in.SecureExperimentCommand;
import com.fmugateway.domain.billing.port.in.SecureRunCommand;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.billing.port.out.PaymentRequirementLog;
import com.fmugateway.domain.billing.port.out.X402Facilitator;
import com.fmugateway.domain.billing.port.out.X402PaymentLog;
import com.fmugateway.domain.checkout.model.CreditPack;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.port.in.GetPaymentTermsQuery;
import com.fmugateway.domain.checkout.port.in.RedeemPaymentTokenUseCase;
import com.fmugateway.domain.checkout.port.in.StartCheckoutCommand;
import com.fmugateway.domain.checkout.port.in.StartCheckoutUseCase;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The whole story of paying for a run, in one place. A presented payment token pays for it
 * (reserved atomically), or a presented x402 payment (verified and claimed, settled after the run:
 * {@link X402Payments}); otherwise credits do (this month's grant first, then one hold of the
 * quote, which takes the run's slot with it when the command carries one); when they are short the
 * caller is told what to pay, with a checkout opened (or reused) for this very request. A
 * quote-only request is told the price and nothing is opened. Every demand for payment is noted for
 * the operators' funnel.
 */
public final class RunBillingService implements PayForRunUseCase, PayForExperimentUseCase {

  /** Where a caller presents an x402 payment; named in errors about it. */
  public static final String X402_HEADER = "PAYMENT-SIGNATURE";

  private final CreditLedger ledger;
  private final PriceList prices;
  private final MonthlyGrants grants;
  private final RedeemPaymentTokenUseCase tokens;
  private final StartCheckoutUseCase checkouts;
  private final GetPaymentTermsQuery terms;
  private final PaymentRequirements requirements;
  private final Optional<X402Payments> x402;

  /** Without x402. */
  public RunBillingService(
      CreditLedger ledger,
      PriceList prices,
      Map<Tier, TierPolicy> tiers,
      RedeemPaymentTokenUseCase tokens,
      StartCheckoutUseCase checkouts,
      GetPaymentTermsQuery terms,
      PaymentRequirementLog requirements,
      AuditLog audit,
      Clock clock,
      Transactions transactions) {
    this(
        ledger,
        prices,
        tiers,
        tokens,
        checkouts,
        terms,
        requirements,
        audit,
        clock,
        transactions,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Accepting x402 when {@code x402} is set: its payments checked and settled by {@code
   * facilitator} (then required), each claimed once in {@code x402Log} (then required).
   */
  public RunBillingService(
      CreditLedger ledger,
      PriceList prices,
      Map<Tier, TierPolicy> tiers,
      RedeemPaymentTokenUseCase tokens,
      StartCheckoutUseCase checkouts,
      GetPaymentTermsQuery terms,
      PaymentRequirementLog requirements,
      AuditLog audit,
      Clock clock,
      Transactions transactions,
      Optional<X402Settings> x402,
      Optional<X402Facilitator> facilitator,
      Optional<X402PaymentLog> x402Log) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.prices = Objects.requireNonNull(prices, "prices");
    this.grants = new MonthlyGrants(ledger, tiers, clock, audit, transactions);
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.checkouts = Objects.requireNonNull(checkouts, "checkouts");
    this.terms = Objects.requireNonNull(terms, "terms");
    this.requirements = new PaymentRequirements(requirements, clock);
    this.x402 =
        x402.map(
            settings ->
                new X402Payments(
                    settings,
                    facilitator.orElseThrow(
                        () -> new IllegalArgumentException("x402 needs a facilitator")),
                    x402Log.orElseThrow(
                        () -> new IllegalArgumentException("x402 needs a payment log")),
                    terms,
                    ledger,
                    audit,
                    clock,
                    transactions));
  }

  @Override
  public Mono<RunFunding> secure(SecureRunCommand command) {
    PaymentChoice payment = command.payment();
    long quote = prices.quote(command.limit());
    if (payment.quoteOnly()) {
      return grants
          .ensureGranted(command.caller(), command.tier())
          .then(ledger.balance(command.caller()))
          .map(
              balance -> new PaymentDemand(quote, balance, Optional.of(offer(command, null)), true))
          .flatMap(demand -> unpaid(command, demand));
    }
    if (payment.x402().isPresent()) {
      return payByX402(command, quote, payment.x402().get());
    }
    if (payment.token().isPresent()) {
      return tokens
          .reserve(command.caller(), payment.token().get())
          .map(reserved -> new RunFunding.ByToken(reserved.token(), reserved.payment()));
    }
    String reference = command.runId().toString();
    Mono<Hold> held =
        command
            .slot()
            .map(slot -> ledger.holdInSlot(command.caller(), quote, reference, slot))
            .orElseGet(() -> ledger.hold(command.caller(), quote, reference));
    return grants
        .ensureGranted(command.caller(), command.tier())
        .then(held)
        .<RunFunding>map(RunFunding.ByCredits::new)
        .onErrorResume(
            InsufficientCreditsException.class,
            short_ -> demand(command, quote, short_.balance()).flatMap(d -> unpaid(command, d)));
  }

  /**
   * Holds every case's quote in one step. Short: a checkout for the smallest credit pack covering
   * the difference (the largest when none does), since one payment token pays for one run only;
   * and, with x402, the requirements of paying for the whole experiment. Paid with x402: the
   * payment buys the experiment's credits first (see {@link X402Payments#buyCredits}).
   */
  @Override
  public Mono<ExperimentFunding> secure(SecureExperimentCommand command) {
    long perCase = prices.quote(command.limit());
    int runs = command.caseIds().size();
    long total = perCase * runs;
    Mono<Void> granted = grants.ensureGranted(command.caller(), command.tier());
    if (command.payment().quoteOnly()) {
      return granted
          .then(ledger.balance(command.caller()))
          .map(
              balance ->
                  new PaymentDemand(
                      total, balance, Optional.of(offer(command.fmuId(), command, null)), true))
          .flatMap(demand -> unpaid(command, demand, Optional.empty()))
          .map(ExperimentFunding.Unpaid::new);
    }
    Mono<Void> paid = granted;
    if (command.payment().x402().isPresent()) {
      if (x402.isEmpty()) {
        return Mono.error(
            new InvalidInputException(
                X402_HEADER, "this gateway does not accept x402 payments; pay with credits"));
      }
      paid =
          granted.then(
              x402.get()
                  .buyCredits(
                      command.caller(),
                      command.experimentId(),
                      runs,
                      total,
                      command.payment().x402().get()));
    }
    List<String> references =
        command.caseIds().stream()
            .map(caseId -> Hold.ofCase(command.caller(), caseId, perCase).reference())
            .toList();
    return paid.then(ledger.holdAll(command.caller(), perCase, references))
        .<ExperimentFunding>map(holds -> new ExperimentFunding.Held(holds, perCase))
        .onErrorResume(
            InsufficientCreditsException.class,
            short_ ->
                packDemand(command, total, short_.balance())
                    .flatMap(d -> unpaid(command, d, Optional.empty()))
                    .map(ExperimentFunding.Unpaid::new))
        .onErrorResume(
            X402Payments.Refused.class,
            refused ->
                ledger
                    .balance(command.caller())
                    .map(balance -> PaymentDemand.creditsShort(total, balance))
                    .flatMap(d -> unpaid(command, d, Optional.of(refused.getMessage())))
                    .map(ExperimentFunding.Unpaid::new));
  }

  /** An experiment's demand, with x402's requirements for all its runs when x402 is accepted. */
  private Mono<PaymentDemand> unpaid(
      SecureExperimentCommand command, PaymentDemand demand, Optional<String> x402Error) {
    PaymentDemand payable =
        x402.map(
                x ->
                    demand.with(new X402Offer(x.requirements(command.caseIds().size()), x402Error)))
            .orElse(demand);
    return requirements.record(command.caller(), command.fmuId(), payable).thenReturn(payable);
  }

  private Mono<PaymentDemand> packDemand(
      SecureExperimentCommand command, long total, long balance) {
    Optional<CreditPack> pack = packFor(total - balance);
    if (terms.methods().isEmpty() || pack.isEmpty()) {
      return Mono.just(PaymentDemand.creditsShort(total, balance));
    }
    return checkouts
        .start(
            new StartCheckoutCommand(
                command.caller(),
                Optional.of(pack.get().id()),
                Optional.of(command.fmuId()),
                command.payment().checkout(),
                Optional.of(command.request().get())))
        .map(
            opened ->
                new PaymentDemand(
                    total,
                    balance,
                    Optional.of(offer(command.fmuId(), command, opened.session())),
                    false));
  }

  private Optional<CreditPack> packFor(long missing) {
    List<CreditPack> packs =
        terms.terms().packs().stream()
            .sorted(Comparator.comparingLong(CreditPack::credits))
            .toList();
    return packs.stream()
        .filter(p -> p.credits() >= missing)
        .findFirst()
        .or(() -> packs.isEmpty() ? Optional.empty() : Optional.of(packs.get(packs.size() - 1)));
  }

  @Override
  public Mono<RunCharge> settle(
      AccountId caller, UUID runId, RunFunding.Secured funding, Duration cpuTime) {
    if (funding instanceof RunFunding.ByCredits byCredits) {
      Settlement settlement = settlement(byCredits, cpuTime);
      // A hold that had already ended charged what its settlement captured then: nothing when it
      // was released (a cancel, the stale-hold job), the capture when another runner of the same
      // case settled it and died before recording the charge.
      return ledger
          .settle(settlement)
          .flatMap(
              applied ->
                  applied ? Mono.just(settlement.captured()) : ledger.captured(byCredits.hold()))
          .map(RunCharge::credits);
    }
    if (funding instanceof RunFunding.ByX402 byX402) {
      return rail().settle(caller, runId, byX402);
    }
    RunFunding.ByToken byToken = (RunFunding.ByToken) funding;
    return tokens
        .consume(caller, byToken.token(), byToken.paidWith(), runId)
        .thenReturn(RunCharge.credits(0));
  }

  @Override
  public Settlement settlement(RunFunding.ByCredits funding, Duration cpuTime) {
    return funding.hold().settle(prices.cost(cpuTime));
  }

  @Override
  public Mono<Void> release(RunFunding.Secured funding) {
    if (funding instanceof RunFunding.ByCredits byCredits) {
      return ledger.release(byCredits.hold()).then();
    }
    if (funding instanceof RunFunding.ByX402 byX402) {
      return rail().release(byX402);
    }
    return tokens.release(((RunFunding.ByToken) funding).token());
  }

  /**
   * Pays with x402: a refused payment is a 402 with the reason and the requirements. A gateway
   * without x402 refuses the header as bad input rather than ignore it and charge credits instead.
   */
  private Mono<RunFunding> payByX402(SecureRunCommand command, long quote, X402Payment payment) {
    if (x402.isEmpty()) {
      return Mono.error(
          new InvalidInputException(
              X402_HEADER, "this gateway does not accept x402 payments; pay with credits"));
    }
    return x402.get()
        .secure(command, payment)
        .<RunFunding>map(secured -> secured)
        .onErrorResume(
            X402Payments.Refused.class,
            refused ->
                ledger
                    .balance(command.caller())
                    .map(
                        balance ->
                            new PaymentDemand(
                                    quote, balance, Optional.of(offer(command, null)), false)
                                .with(
                                    new X402Offer(
                                        x402.get().requirements(),
                                        Optional.of(refused.getMessage()))))
                    .flatMap(demand -> unpaid(command, demand)));
  }

  private X402Payments rail() {
    return x402.orElseThrow(() -> new IllegalStateException("an x402 funding without x402"));
  }

  /** Credits were short: a checkout for this very request, when money can pay for runs. */
  private Mono<PaymentDemand> demand(SecureRunCommand command, long quote, long balance) {
    if (terms.methods().isEmpty()) {
      return Mono.just(new PaymentDemand(quote, balance, Optional.of(offer(command, null)), false));
    }
    return checkouts
        .start(
            new StartCheckoutCommand(
                command.caller(),
                Optional.empty(),
                Optional.of(command.fmuId()),
                command.payment().checkout(),
                Optional.of(command.request().get())))
        .map(
            opened ->
                new PaymentDemand(
                    quote, balance, Optional.of(offer(command, opened.session())), false));
  }

  private Mono<RunFunding> unpaid(SecureRunCommand command, PaymentDemand demand) {
    return unpaid(command.caller(), command.fmuId(), demand).map(RunFunding.Unpaid::new);
  }

  private Mono<PaymentDemand> unpaid(AccountId caller, String fmuId, PaymentDemand demand) {
    PaymentDemand payable =
        demand.x402().isPresent() ? demand : x402.map(x -> demand.with(x.offer())).orElse(demand);
    return requirements.record(caller, fmuId, payable).thenReturn(payable);
  }

  private PaymentOffer offer(SecureRunCommand command, PaymentSession checkout) {
    return offer(command.fmuId(), command.payment().checkout().method(), checkout);
  }

  private PaymentOffer offer(
      String fmuId, SecureExperimentCommand command, PaymentSession checkout) {
    return offer(fmuId, command.payment().checkout().method(), checkout);
  }

  private PaymentOffer offer(String fmuId, PaymentMethod chosen, PaymentSession checkout) {
    List<PaymentMethod> methods = terms.methods();
    Optional<PaymentSession> opened = Optional.ofNullable(checkout);
    return new PaymentOffer(
        fmuId,
        opened.map(PaymentSession::amount).orElse(terms.terms().runPrice()),
        methods,
        methods.contains(chosen) ? Optional.of(chosen) : Optional.empty(),
        opened);
  }
}
