package com.fmugateway.adapter.out.fmi.sandbox.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.fmi.sandbox.host.SandboxSettings;
import com.fmugateway.adapter.out.fmi.sandbox.host.SandboxStatus;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pool's bookkeeping with workers that have no process, and spares started only when the test
 * says so: who gets which worker, and which slots are taken.
 */
class WorkerPoolTest {

  private static final Sha256 UPLOADED = new Sha256("a".repeat(64));
  private static final Path ARCHIVE = Path.of("/uploads/model.fmu");

  private final PoolKey alice = new PoolKey(Optional.of(AccountId.random()), UPLOADED);
  private final PoolKey bob = new PoolKey(Optional.of(AccountId.random()), UPLOADED);
  private final Starter starter = new Starter();
  private final Queue<Runnable> spareStarts = new ArrayDeque<>();
  private final AtomicLong clock = new AtomicLong();
  private final Map<Runnable, Long> timed = new LinkedHashMap<>();
  private WorkerPool<FakeWorker> pool;

  @Test
  void givenASpare_aRunOfAKeyWithoutWorkers_claimsItWithItsArchive() throws Exception {
    pool = pool(2, 1);
    FakeWorker spare = startSpares().get(0);

    FakeWorker worker = pool.acquire(alice, ARCHIVE);

    assertThat(worker).isSameAs(spare);
    assertThat(worker.key()).contains(alice);
    assertThat(worker.archive()).contains(ARCHIVE);
    assertThat(status().spareClaims()).isEqualTo(1);
    assertThat(status().coldStarts()).isZero();
  }

  @Test
  void aClaimedSpare_isReplacedInTheBackground_whileASlotIsFree() throws Exception {
    pool = pool(2, 1);
    startSpares();
    pool.release(pool.acquire(alice, ARCHIVE), true);
    afterTheFirstRun();

    List<FakeWorker> replacements = startSpares();

    assertThat(replacements).singleElement().satisfies(w -> assertThat(w.slot()).isEqualTo(1));
    assertThat(replacements.get(0).key()).isEmpty();
    assertThat(status().spareWorkers()).isEqualTo(1);
    assertThat(status().liveWorkers()).isEqualTo(2);
  }

  @Test
  void aSpareClaimedAheadOfAKeysFirstRun_servesThatRunAsAnIdleWorker() throws Exception {
    pool = pool(2, 1);
    FakeWorker spare = startSpares().get(0);

    FakeWorker prepared = pool.claimSpare(alice, ARCHIVE).orElseThrow();
    pool.release(prepared, true);

    assertThat(prepared).isSameAs(spare);
    assertThat(prepared.archive()).contains(ARCHIVE);
    assertThat(pool.acquire(alice, ARCHIVE)).isSameAs(spare);
    assertThat(status().prepared()).isEqualTo(1);
    assertThat(status().spareClaims()).isZero();
    assertThat(status().coldStarts()).isZero();
  }

  @Test
  void aSpareClaimedAhead_isReplacedOnlyOnceTheKeysFirstRealRunHasEnded() throws Exception {
    pool = pool(3, 1);
    startSpares();
    FakeWorker prepared = pool.claimSpare(alice, ARCHIVE).orElseThrow();

    pool.release(prepared, true);
    assertThat(startSpares()).isEmpty();
    pool.release(pool.acquire(alice, ARCHIVE), true);
    afterTheFirstRun();

    assertThat(startSpares()).singleElement().satisfies(w -> assertThat(w.key()).isEmpty());
  }

  @Test
  void anAccountWhosePreparedWorkerHasNotRunYet_getsNoOtherPrepared() throws Exception {
    pool = pool(4, 1);
    PoolKey alicesOther = new PoolKey(alice.account(), new Sha256("b".repeat(64)));
    startSpares();
    pool.release(pool.claimSpare(alice, ARCHIVE).orElseThrow(), true);
    clock.addAndGet(WorkerPool.REPLACEMENT_HOLD.toNanos());
    startSpares();

    assertThat(pool.claimSpare(alicesOther, ARCHIVE)).isEmpty();
    assertThat(pool.claimSpare(bob, ARCHIVE)).isPresent();
    pool.release(pool.acquire(alice, ARCHIVE), true);
    clock.addAndGet(WorkerPool.REPLACEMENT_HOLD.toNanos());
    startSpares();
    assertThat(pool.claimSpare(alicesOther, ARCHIVE)).isPresent();
  }

  @Test
  void claimingASpareAhead_neverStartsAWorker_norTakesOneForAKeyThatHasOne() throws Exception {
    pool = pool(3, 1);

    assertThat(pool.claimSpare(alice, ARCHIVE)).isEmpty();
    assertThat(starter.started).isEmpty();
    startSpares();
    FakeWorker alices = pool.acquire(alice, ARCHIVE);
    clock.addAndGet(WorkerPool.REPLACEMENT_HOLD.toNanos());
    startSpares();
    assertThat(status().spareWorkers()).isEqualTo(1);

    assertThat(pool.claimSpare(alice, ARCHIVE)).isEmpty();
    pool.release(alices, true);
    assertThat(pool.claimSpare(alice, ARCHIVE)).isEmpty();
    assertThat(status().spareWorkers()).isEqualTo(1);
    assertThat(pool.claimSpare(bob, ARCHIVE)).isPresent();
    assertThat(starter.started).hasSize(2);
  }

  @Test
  void aClaimedSparesReplacement_startsAMomentAfterItsFirstRunHasEnded() throws Exception {
    pool = pool(2, 1);
    startSpares();
    FakeWorker alices = pool.acquire(alice, ARCHIVE);
    assertThat(startSpares()).isEmpty();

    pool.release(alices, true);
    clock.addAndGet(WorkerPool.REPLACEMENT_AFTER_FIRST_RUN.toNanos() - 1);
    assertThat(startSpares()).as("while the gateway still charges and answers the run").isEmpty();
    clock.addAndGet(1);
    runTimedTasks();

    assertThat(spareStarts).as("started by the timer, not by the next maintenance").hasSize(1);
    assertThat(startSpares()).singleElement().satisfies(w -> assertThat(w.slot()).isEqualTo(1));
  }

  @Test
  void aFirstRunEndingLate_waitsNoLongerThanTheHoldForItsReplacement() throws Exception {
    pool = pool(2, 1);
    startSpares();
    FakeWorker alices = pool.acquire(alice, ARCHIVE);
    clock.addAndGet(WorkerPool.REPLACEMENT_HOLD.toNanos() - 1);

    pool.release(alices, true);
    clock.addAndGet(1);

    assertThat(startSpares()).singleElement().satisfies(w -> assertThat(w.key()).isEmpty());
  }

  @Test
  void aLongFirstRun_holdsItsSparesReplacementBackOnlyForAWhile() throws Exception {
    pool = pool(2, 1);
    startSpares();
    pool.acquire(alice, ARCHIVE);

    clock.addAndGet(WorkerPool.REPLACEMENT_HOLD.toNanos() - 1);
    assertThat(startSpares()).isEmpty();
    clock.addAndGet(1);

    assertThat(startSpares()).singleElement().satisfies(w -> assertThat(w.key()).isEmpty());
  }

  @Test
  void aFailedFirstRun_letsItsSparesReplacementStart() throws Exception {
    pool = pool(2, 1);
    startSpares();
    FakeWorker alices = pool.acquire(alice, ARCHIVE);

    pool.release(alices, false);
    afterTheFirstRun();

    assertThat(alices.killed()).isTrue();
    assertThat(startSpares()).hasSize(1);
    assertThat(status().spareWorkers()).isEqualTo(1);
  }

  @Test
  void aClaimedSpare_belongsToItsKeyForLife_andNeverServesAnotherAccount() throws Exception {
    pool = pool(3, 1);
    startSpares();
    FakeWorker alices = pool.acquire(alice, ARCHIVE);
    pool.release(alices, true);
    afterTheFirstRun();
    startSpares();

    FakeWorker bobs = pool.acquire(bob, ARCHIVE);

    assertThat(bobs).isNotSameAs(alices);
    assertThat(bobs.key()).contains(bob);
    assertThat(pool.acquire(alice, ARCHIVE)).isSameAs(alices);
    assertThatThrownBy(() -> alices.claim(bob)).isInstanceOf(IllegalStateException.class);
    assertThat(alices.key()).contains(alice);
  }

  @Test
  void sparesTakeSlots_soNoneIsStartedWhileEverySlotIsBusy() throws Exception {
    pool = pool(2, 1);
    startSpares();
    pool.acquire(alice, ARCHIVE);
    afterTheHold();
    startSpares();

    pool.acquire(bob, ARCHIVE);
    pool.maintain();

    assertThat(spareStarts).isEmpty();
    assertThat(status().liveWorkers()).isEqualTo(2);
    assertThat(status().spareWorkers()).isZero();
    assertThat(status().busyWorkers()).isEqualTo(2);
  }

  @Test
  void withEverySlotTaken_aSpareTakesTheSlotOfAWorkerIdleForAWhile() throws Exception {
    pool = pool(2, 1);
    startSpares();
    FakeWorker alices = pool.acquire(alice, ARCHIVE);
    afterTheHold();
    startSpares();
    pool.acquire(bob, ARCHIVE);
    afterTheHold();
    pool.release(alices, true);

    pool.maintain();
    assertThat(alices.killed()).isFalse();
    alices.idleFor(WorkerPool.SPARE_AFTER_IDLE.plusSeconds(1));
    pool.maintain();

    assertThat(alices.killed()).isTrue();
    assertThat(alices.folderDeleted()).isTrue();
    assertThat(startSpares()).singleElement().satisfies(w -> assertThat(w.slot()).isZero());
    assertThat(status().spareWorkers()).isEqualTo(1);
  }

  @Test
  void aRunFindingNoSpareAndNoSlot_evictsAnotherKeysIdleWorker_andStartsItsOwn() throws Exception {
    pool = pool(1, 1);
    startSpares();
    FakeWorker alices = pool.acquire(alice, ARCHIVE);
    pool.release(alices, true);

    FakeWorker bobs = pool.acquire(bob, ARCHIVE);

    assertThat(alices.killed()).isTrue();
    assertThat(bobs.spare()).isFalse();
    assertThat(bobs.key()).contains(bob);
    assertThat(bobs.archive()).contains(ARCHIVE);
    assertThat(status().coldStarts()).isEqualTo(1);
  }

  @Test
  void aSpareThatDied_isNotHandedOut() throws Exception {
    pool = pool(2, 1);
    FakeWorker spare = startSpares().get(0);
    spare.die();

    FakeWorker worker = pool.acquire(alice, ARCHIVE);

    assertThat(worker).isNotSameAs(spare);
    assertThat(spare.killed()).isTrue();
    assertThat(spare.key()).isEmpty();
  }

  @Test
  void aSpareThatFailsToStart_freesItsSlot_andIsNotRetriedInALoop() throws Exception {
    pool = pool(2, 1);
    starter.failNext = true;

    assertThat(startSpares()).isEmpty();
    pool.maintain();

    assertThat(spareStarts).isEmpty();
    assertThat(status().liveWorkers()).isZero();
    assertThat(pool.acquire(alice, ARCHIVE).key()).contains(alice);
  }

  @Test
  void withNoSpares_everyWorkerIsStartedOnDemand() throws Exception {
    pool = pool(2, 0);

    assertThat(startSpares()).isEmpty();
    FakeWorker worker = pool.acquire(alice, ARCHIVE);

    assertThat(worker.spare()).isFalse();
    assertThat(status().coldStarts()).isEqualTo(1);
    assertThat(status().liveWorkers()).isEqualTo(1);
  }

  @Test
  void aWorkerBackFromARun_servesTheKeysNextRun() throws Exception {
    pool = pool(2, 0);
    FakeWorker worker = pool.acquire(alice, ARCHIVE);
    worker.mapped(1L << 30);

    pool.release(worker, true);

    assertThat(worker.killed()).isFalse();
    assertThat(pool.acquire(alice, ARCHIVE)).isSameAs(worker);
  }

  @Test
  void aWorkerWithLessThanAnEighthOfItsAddressSpaceLeft_isRetiredAfterItsRun() throws Exception {
    pool = pool(2, 0);
    FakeWorker leaking = pool.acquire(alice, ARCHIVE);
    long limit = SandboxSettings.defaults(Path.of("/unused")).addressSpaceBytes();
    leaking.mapped(limit - limit / 8);

    pool.release(leaking, true);

    assertThat(leaking.killed()).isTrue();
    FakeWorker fresh = pool.acquire(alice, ARCHIVE);
    assertThat(fresh).isNotSameAs(leaking);
    assertThat(status().coldStarts()).isEqualTo(2);
  }

  @Test
  void close_killsSparesAndClaimedWorkers_andIsEmptyOnlyOnceTheyAndAStartUnderWayHaveGone()
      throws Exception {
    pool = pool(4, 2);
    pool.maintain();
    Runnable first = spareStarts.remove();
    Runnable underWay = spareStarts.remove();
    first.run();
    FakeWorker busy = pool.acquire(alice, ARCHIVE);
    afterTheHold();
    pool.maintain();
    spareStarts.remove().run();
    FakeWorker idle = pool.acquire(bob, ARCHIVE);
    pool.release(idle, true);
    afterTheFirstRun();
    Runnable notBegun = spareStarts.remove();
    assertThat(status().spareWorkers()).isZero();

    starter.whileStarting = pool::close;
    underWay.run();
    int started = starter.started.size();
    notBegun.run();

    FakeWorker cameUpAfterwards = starter.started.get(started - 1);
    assertThat(List.of(busy, idle, cameUpAfterwards))
        .allSatisfy(w -> assertThat(w.killed()).isTrue());
    assertThat(starter.started).hasSize(started);
    assertThat(pool.awaitEmpty(Duration.ZERO)).as("the busy worker is not released yet").isFalse();
    pool.release(busy, false);
    assertThat(pool.awaitEmpty(Duration.ZERO)).isTrue();
    assertThat(List.of(busy, idle, cameUpAfterwards))
        .allSatisfy(w -> assertThat(w.folderDeleted()).isTrue());
    assertThat(status().liveWorkers()).isZero();
    assertThatThrownBy(() -> pool.acquire(alice, ARCHIVE))
        .isInstanceOf(IllegalStateException.class);
  }

  private WorkerPool<FakeWorker> pool(int maxWorkers, int spares) {
    SandboxSettings settings =
        SandboxSettings.defaults(Path.of("/unused")).toBuilder()
            .workers(maxWorkers, 0)
            .spareWorkers(spares)
            .build();
    Executor manual = spareStarts::add;
    return new WorkerPool<>(
        settings,
        starter,
        manual,
        clock::get,
        (delay, task) -> timed.put(task, clock.get() + delay.toNanos()));
  }

  /** As if a claimed spare's first run had ended long enough ago for its replacement to start. */
  private void afterTheFirstRun() {
    clock.addAndGet(WorkerPool.REPLACEMENT_AFTER_FIRST_RUN.toNanos());
    runTimedTasks();
  }

  /** Runs the pool's timed tasks that are due by now, as its timer would. */
  private void runTimedTasks() {
    List<Runnable> due = new ArrayList<>();
    timed.entrySet().removeIf(e -> e.getValue() <= clock.get() && due.add(e.getKey()));
    due.forEach(Runnable::run);
  }

  /** As if the claimed spares' first runs had gone on long enough for their replacements. */
  private void afterTheHold() {
    clock.addAndGet(WorkerPool.REPLACEMENT_HOLD.toNanos());
  }

  /** Tops the spares up, as the simulator's timer does, and starts them: the new spares. */
  private List<FakeWorker> startSpares() {
    int before = starter.started.size();
    pool.maintain();
    while (!spareStarts.isEmpty()) {
      spareStarts.remove().run();
    }
    return new ArrayList<>(starter.started.subList(before, starter.started.size()));
  }

  private SandboxStatus status() {
    return pool.status(true, 0);
  }

  private static final class Starter implements WorkerStarter<FakeWorker> {

    final List<FakeWorker> started = new ArrayList<>();
    boolean failNext;

    /** Done once, as the next start is under way. */
    Runnable whileStarting = () -> {};

    @Override
    public FakeWorker start(int slot, boolean spare) throws IOException {
      Runnable during = whileStarting;
      whileStarting = () -> {};
      during.run();
      if (failNext) {
        failNext = false;
        throw new IOException("the worker did not come up");
      }
      FakeWorker worker = new FakeWorker(slot, spare);
      started.add(worker);
      return worker;
    }
  }
}
