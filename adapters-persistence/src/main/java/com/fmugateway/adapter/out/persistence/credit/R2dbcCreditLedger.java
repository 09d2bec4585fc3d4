package com.fmugateway.adapter.out.persistence.credit;

import com.fmugateway.adapter.out.persistence.run.R2dbcConcurrentRuns;
import com.fmugateway.adapter.out.persistence.support.Sql;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.Hold;
import com.fmugateway.domain.billing.model.InsufficientCreditsException;
import com.fmugateway.domain.billing.model.LedgerEntry;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.model.Settlement;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.shared.model.RunSlotClaim;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ledger in PostgreSQL. Holds and settlements lock the account's row ({@code FOR UPDATE}), so
 * concurrent requests on one account, from any number of gateways, are serialized: the balance read
 * and the entry written belong to one transaction. Each is one round trip, a function of the
 * schema's ({@code credit_hold}, {@code credit_end_hold}: migration V17). The balance is the sum of
 * the account's entries, kept in {@code credit_balances} by a trigger on every append (migration
 * V19), so reading it does not grow with the account's history. A hold that takes its run's slot
 * too is one round trip as well ({@code credit_hold_in_slot}, migration V20).
 */
public final class R2dbcCreditLedger implements CreditLedger {

  /**
   * The call that ends a hold once ({@code credit_end_hold}, migration V17), for statements that
   * end a hold together with other writes; its parameters are bound by {@link #bindEndOfHold}.
   */
  public static final String END_OF_HOLD =
      "credit_end_hold(:holder, :ref, :release, :releaseKey, :capture, :captureKey)";

  private final DatabaseClient db;

  private final TransactionalOperator tx;

  public R2dbcCreditLedger(DatabaseClient db, TransactionalOperator tx) {
    this.db = db;
    this.tx = tx;
  }

  @Override
  public Mono<Boolean> credit(
      AccountId account, EntryKind kind, long amount, LedgerKey key, String reference) {
    return insert(account, kind, amount, key, reference);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Its commit does not wait for the disk (see the interface). The setting is local to the
   * statement's own transaction; {@link #holdAll}'s holds, which join a transaction of theirs, keep
   * the durable commit.
   */
  @Override
  public Mono<Hold> hold(AccountId account, long amount, String reference) {
    return hold(
        Sql.RELAXED_COMMIT
            + "SELECT h.outcome, h.amount, h.balance FROM relaxed"
            + " CROSS JOIN LATERAL credit_hold(:a, :amount, :k, :ref) AS h",
        account,
        amount,
        reference);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One round trip ({@code credit_hold_in_slot}, migration V20): the slot taken as {@link
   * R2dbcConcurrentRuns} takes it, then the hold placed as {@link #hold} places it, in one
   * transaction, committed without waiting for the disk as {@link #hold} is.
   */
  @Override
  public Mono<Hold> holdInSlot(
      AccountId account, long amount, String reference, RunSlotClaim slot) {
    DatabaseClient.GenericExecuteSpec statement =
        db.sql(
                Sql.RELAXED_COMMIT
                    + "SELECT h.outcome, h.amount, h.balance FROM relaxed CROSS JOIN LATERAL"
                    + " credit_hold_in_slot(:a, :amount, :k, :ref,"
                    + " :run, :lockKey, :now, :until, :max) AS h")
            .bind("run", slot.run())
            .bind("lockKey", R2dbcConcurrentRuns.lockKey(account))
            .bind("now", Sql.utc(slot.now()))
            .bind("until", Sql.utc(slot.leaseUntil()))
            .bind("max", slot.max());
    return outcome(statement, account, amount, reference)
        .flatMap(
            outcome ->
                "NO_SLOT".equals(outcome.outcome())
                    ? Mono.error(slot.refused())
                    : outcome.hold(account, amount, reference));
  }

  private Mono<Hold> hold(String sql, AccountId account, long amount, String reference) {
    return outcome(db.sql(sql), account, amount, reference)
        .flatMap(outcome -> outcome.hold(account, amount, reference));
  }

  /** Runs a statement of {@code credit_hold}'s answer with the hold's parameters bound. */
  private static Mono<HoldOutcome> outcome(
      DatabaseClient.GenericExecuteSpec statement,
      AccountId account,
      long amount,
      String reference) {
    return statement
        .bind("a", account.value())
        .bind("amount", amount)
        .bind("k", LedgerKey.hold(reference).value())
        .bind("ref", reference)
        .map(
            row ->
                new HoldOutcome(
                    row.get("outcome", String.class),
                    row.get("amount", Long.class),
                    row.get("balance", Long.class)))
        .one();
  }

  /** What {@code credit_hold} answered: its outcome, the amount held, the balance it saw. */
  private record HoldOutcome(String outcome, Long amount, Long balance) {

    Mono<Hold> hold(AccountId account, long asked, String reference) {
      if ("HELD".equals(outcome) || "EXISTING".equals(outcome)) {
        return Mono.just(new Hold(account, reference, amount));
      }
      if ("SHORT".equals(outcome)) {
        return Mono.error(new InsufficientCreditsException(asked, balance));
      }
      return Mono.error(new IllegalStateException("no account " + account));
    }
  }

  /**
   * One transaction under the account's lock: the balance must cover every hold not placed yet,
   * then each is placed like {@link #hold} (which joins this transaction), so it is all or none.
   */
  @Override
  public Mono<List<Hold>> holdAll(AccountId account, long amountEach, List<String> references) {
    Mono<List<Hold>> all =
        lock(account)
            .then(
                db.sql(
                        "SELECT COUNT(*) AS held FROM ledger_entries"
                            + " WHERE account_id = :a AND idempotency_key = ANY(:keys)")
                    .bind("a", account.value())
                    .bind(
                        "keys",
                        references.stream()
                            .map(r -> LedgerKey.hold(r).value())
                            .toArray(String[]::new))
                    .map(row -> row.get("held", Long.class))
                    .one())
            .zipWith(balance(account))
            .flatMap(
                heldAndBalance -> {
                  long needed = (references.size() - heldAndBalance.getT1()) * amountEach;
                  long balance = heldAndBalance.getT2();
                  return balance < needed
                      ? Mono.error(new InsufficientCreditsException(needed, balance))
                      : Flux.fromIterable(references)
                          .concatMap(reference -> placeOrFind(account, amountEach, reference))
                          .collectList();
                });
    return all.as(tx::transactional);
  }

  /**
   * A hold like {@link #hold}, inside holdAll's transaction, whose lock it takes again (a no-op),
   * and committed with it, durably: an experiment's holds are what its queued cases run on.
   */
  private Mono<Hold> placeOrFind(AccountId account, long amount, String reference) {
    return hold(
        "SELECT outcome, amount, balance FROM credit_hold(:a, :amount, :k, :ref)",
        account,
        amount,
        reference);
  }

  private Mono<Void> lock(AccountId account) {
    return db.sql("SELECT id FROM accounts WHERE id = :a FOR UPDATE")
        .bind("a", account.value())
        .map(row -> row.get("id", UUID.class))
        .one()
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("no account " + account)))
        .then();
  }

  @Override
  public Mono<Boolean> settle(Settlement settlement) {
    Hold hold = settlement.hold();
    return endOnce(
        hold, EntryKind.CAPTURE.signed(settlement.captured()), hold.captureKey().value());
  }

  @Override
  public Mono<Long> captured(Hold hold) {
    return db.sql(
            "SELECT COALESCE(-SUM(amount), 0) AS captured FROM ledger_entries"
                + " WHERE account_id = :a AND idempotency_key = :k")
        .bind("a", hold.accountId().value())
        .bind("k", hold.captureKey().value())
        .map(row -> ((Number) row.get("captured")).longValue())
        .one();
  }

  @Override
  public Mono<Boolean> release(Hold hold) {
    return endOnce(hold, 0, null);
  }

  /**
   * Under the account's lock, in one round trip: ends the hold (the capture first, when given, then
   * the release) unless its release entry exists (it was settled or released before), in which case
   * nothing is written and the answer is false.
   */
  private Mono<Boolean> endOnce(Hold hold, long capture, String captureKey) {
    DatabaseClient.GenericExecuteSpec end =
        bindEndOfHold(db.sql("SELECT " + END_OF_HOLD + " AS ended"), hold, capture, captureKey);
    return end.map(row -> Optional.ofNullable(row.get("ended", Boolean.class)))
        .one()
        .flatMap(
            ended ->
                ended.isPresent()
                    ? Mono.just(ended.get())
                    : Mono.error(new IllegalStateException("no account " + hold.accountId())));
  }

  /**
   * Binds {@link #END_OF_HOLD}'s parameters: the hold, and its capture first when {@code
   * captureKey} is given (a settlement), else none (a release).
   */
  public static DatabaseClient.GenericExecuteSpec bindEndOfHold(
      DatabaseClient.GenericExecuteSpec spec, Hold hold, long capture, String captureKey) {
    DatabaseClient.GenericExecuteSpec end =
        spec.bind("holder", hold.accountId().value())
            .bind("ref", hold.reference())
            .bind("release", EntryKind.RELEASE.signed(hold.amount()))
            .bind("releaseKey", hold.releaseKey().value())
            .bind("capture", capture);
    return captureKey == null
        ? end.bindNull("captureKey", String.class)
        : end.bind("captureKey", captureKey);
  }

  /**
   * Finds the stale holds in one query (a hold has ended once a release entry names its run), then
   * ends each like {@link #release(Hold)} does, under its account's lock, so a settlement racing
   * with housekeeping still sees one end of the hold, never a capture after a release.
   */
  @Override
  public Mono<Long> releaseStaleHolds(Duration age) {
    return db.sql(
            "SELECT h.account_id, h.reference, h.amount FROM ledger_entries h"
                + " WHERE h.kind = 'HOLD' AND h.created_at < now() - make_interval(secs => :age)"
                + " AND h.reference NOT LIKE :casePrefix"
                + " AND NOT EXISTS (SELECT 1 FROM ledger_entries r"
                + " WHERE r.account_id = h.account_id AND r.kind = 'RELEASE'"
                + " AND r.reference = h.reference)")
        .bind("age", age.toMillis() / 1000.0)
        .bind("casePrefix", Hold.CASE_PREFIX + "%")
        .map(
            row ->
                new Hold(
                    new AccountId(row.get("account_id", UUID.class)),
                    row.get("reference", String.class),
                    -row.get("amount", Long.class)))
        .all()
        .concatMap(this::release)
        .filter(released -> released)
        .count();
  }

  @Override
  public Mono<Long> balance(AccountId account) {
    return db.sql(
            "SELECT COALESCE((SELECT balance FROM credit_balances WHERE account_id = :a), 0)"
                + " AS balance")
        .bind("a", account.value())
        .map(row -> row.get("balance", Long.class))
        .one();
  }

  @Override
  public Mono<Long> totalSince(AccountId account, EntryKind kind, Instant since) {
    return db.sql(
            "SELECT COALESCE(SUM(ABS(amount)), 0) AS total FROM ledger_entries"
                + " WHERE account_id = :a AND kind = :kind AND created_at >= :since")
        .bind("a", account.value())
        .bind("kind", kind.name())
        .bind("since", since.atOffset(ZoneOffset.UTC))
        .map(row -> row.get("total", Long.class))
        .one();
  }

  @Override
  public Flux<LedgerEntry> entries(AccountId account, Set<EntryKind> kinds, int limit) {
    if (kinds.isEmpty()) {
      return Flux.empty();
    }
    return db.sql(
            "SELECT id, kind, amount, idempotency_key, reference, created_at FROM ledger_entries"
                + " WHERE account_id = :a AND kind = ANY(:kinds) ORDER BY id DESC LIMIT :limit")
        .bind("a", account.value())
        .bind("kinds", kinds.stream().map(EntryKind::name).toArray(String[]::new))
        .bind("limit", limit)
        .map(
            row ->
                new LedgerEntry(
                    row.get("id", Long.class),
                    account,
                    EntryKind.valueOf(row.get("kind", String.class)),
                    row.get("amount", Long.class),
                    new LedgerKey(row.get("idempotency_key", String.class)),
                    row.get("reference", String.class),
                    row.get("created_at", OffsetDateTime.class).toInstant()))
        .all();
  }

  /** Inserts unless the key was used before; true when a row was written. */
  private Mono<Boolean> insert(
      AccountId account, EntryKind kind, long magnitude, LedgerKey key, String reference) {
    return db.sql(
            "INSERT INTO ledger_entries (account_id, kind, amount, idempotency_key, reference)"
                + " VALUES (:a, :kind, :amount, :k, :ref)"
                + " ON CONFLICT (account_id, idempotency_key) DO NOTHING")
        .bind("a", account.value())
        .bind("kind", kind.name())
        .bind("amount", kind.signed(magnitude))
        .bind("k", key.value())
        .bind("ref", reference)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }
}
