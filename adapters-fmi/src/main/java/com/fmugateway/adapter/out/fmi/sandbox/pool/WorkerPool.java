package com.fmugateway.adapter.out.fmi.sandbox.pool;

import com.fmugateway.adapter.out.fmi.sandbox.host.SandboxSettings;
import com.fmugateway.adapter.out.fmi.sandbox.host.SandboxStatus;
import com.fmugateway.domain.account.model.AccountId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live workers. Hands out an idle worker of the run's key, else claims a spare (a worker
 * started and warmed up ahead of need, nobody's yet), else starts one in a free slot, else stops
 * the longest-idle worker of another key to free one. A slot, and with it its uid, becomes free
 * only once its worker's whole process tree has exited.
 *
 * <p>A worker is claimed by one key for life: a spare, once claimed, is never handed to another
 * key. Spares take slots like any worker; the pool starts a replacement in the background when a
 * slot is free and no run is waiting for one, or takes the slot of a worker idle for {@link
 * #SPARE_AFTER_IDLE}; not while a claimed spare's first run goes on (at most {@link
 * #REPLACEMENT_HOLD}), nor until {@link #REPLACEMENT_AFTER_FIRST_RUN} after it has ended.
 *
 * <p>The scheduler runs at most {@code maxWorkers} runs at once, so a run that finds every slot
 * taken always finds an idle worker to evict or a spare on its way; it waits only for that.
 */
public final class WorkerPool<W extends PooledWorker> {

  /**
   * An idle worker gives its slot to a missing spare once idle this long: a spare is ready soon
   * after a burst, but a pool that is in use is not churned through worker starts.
   */
  public static final Duration SPARE_AFTER_IDLE = Duration.ofSeconds(2);

  /** After a spare failed to start, the next is tried this much later, not in a loop. */
  static final Duration SPARE_RETRY = Duration.ofSeconds(10);

  /**
   * The replacement of a claimed spare starts {@linkplain #REPLACEMENT_AFTER_FIRST_RUN soon after}
   * the spare's first run has ended, or this long after the claim: a JVM starting and warming up
   * beside it would take half of a small machine's cores (and more of its CPU time) from the run a
   * newly uploaded FMU's owner is waiting for.
   */
  public static final Duration REPLACEMENT_HOLD = Duration.ofSeconds(1);

  /**
   * How long after a claimed spare's first run has ended its replacement starts (within {@link
   * #REPLACEMENT_HOLD} of the claim). The run's end here is only its end in the worker: the gateway
   * then still charges it, records it (one fsynced commit) and answers: about a millisecond warm,
   * which a JVM starting at that moment on the same cores stretched to 3.5 ms at the median and 9.7
   * ms at worst (ADR 0003). Short enough that the next new upload still finds a spare.
   */
  public static final Duration REPLACEMENT_AFTER_FIRST_RUN = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
  private static final Duration SLOT_WAIT = Duration.ofSeconds(30);

  private final SandboxSettings settings;
  private final WorkerStarter<W> starter;
  private final Executor spareStarts;
  private final BiConsumer<Duration, Runnable> timer;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final IdleWorkers<W> idle = new IdleWorkers<>();
  private final Deque<W> spares = new ArrayDeque<>();
  private final Set<W> busy = new HashSet<>();

  /**
   * Claimed spares on their first run, or whose first run ended less than {@link
   * #REPLACEMENT_AFTER_FIRST_RUN} ago, with when their replacement may start at the latest.
   */
  private final Map<W, Long> firstRuns = new HashMap<>();

  /**
   * Spares claimed ahead of their key's first run, on the run that prepares it: their replacement
   * waits for that first real run, not for this one.
   */
  private final Set<W> preparing = new HashSet<>();

  /**
   * Workers prepared for a key that has not run on them yet: one at a time per account, so that
   * uploads, which are free, cannot make the pool start worker after worker.
   */
  private final Set<W> preparedUnused = new HashSet<>();

  private final LongSupplier nanoTime;
  private final BitSet slots = new BitSet();
  private int dying;
  private int sparesStarting;
  private int waiting;
  private long sparePausedUntil;
  private long spareClaims;
  private long coldStarts;
  private long preparedClaims;
  private boolean closed;

  /**
   * @param spareStarts where spares are started and warmed up, off the runs' threads
   * @param timer what tops the spares up once a claimed spare's replacement may start
   */
  public WorkerPool(
      SandboxSettings settings,
      WorkerStarter<W> starter,
      Executor spareStarts,
      ScheduledExecutorService timer) {
    this(
        settings,
        starter,
        spareStarts,
        System::nanoTime,
        (delay, task) -> timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  /**
   * For tests that move the clock of the spares' timing.
   *
   * @param timer runs the task once the delay has passed on {@code nanoTime}
   */
  WorkerPool(
      SandboxSettings settings,
      WorkerStarter<W> starter,
      Executor spareStarts,
      LongSupplier nanoTime,
      BiConsumer<Duration, Runnable> timer) {
    this.settings = settings;
    this.starter = starter;
    this.spareStarts = spareStarts;
    this.timer = timer;
    this.nanoTime = nanoTime;
    this.sparePausedUntil = nanoTime.getAsLong();
  }

  /**
   * A worker for {@code key}: an idle one of the key, else a spare or a new worker made to run
   * {@code archive}.
   *
   * @throws IOException when a new worker does not come up, or the archive cannot be installed
   * @throws SlotTimeoutException when no slot frees up in time
   */
  public W acquire(PoolKey key, Path archive)
      throws IOException, InterruptedException, SlotTimeoutException {
    W spare = null;
    int slot = -1;
    lock.lock();
    try {
      long deadline = System.nanoTime() + SLOT_WAIT.toNanos();
      waiting++;
      try {
        while (true) {
          if (closed) {
            throw new IllegalStateException("the sandbox has been closed");
          }
          W warm = takeIdle(key);
          if (warm != null) {
            preparedUnused.remove(warm);
            busy.add(warm);
            return warm;
          }
          spare = takeSpare();
          if (spare != null) {
            spare.claim(key);
            busy.add(spare);
            firstRuns.put(spare, nanoTime.getAsLong() + REPLACEMENT_HOLD.toNanos());
            spareClaims++;
            break;
          }
          slot = slots.nextClearBit(0);
          if (slot < settings.maxWorkers()) {
            slots.set(slot);
            coldStarts++;
            break;
          }
          Optional<W> victim = dying == 0 ? idle.takeLongestIdle(w -> true) : Optional.empty();
          if (victim.isPresent()) {
            retire(victim.get());
          } else if (changed.awaitNanos(deadline - System.nanoTime()) <= 0) {
            throw new SlotTimeoutException(SLOT_WAIT.toSeconds());
          }
        }
      } finally {
        waiting--;
      }
      replenish();
    } finally {
      lock.unlock();
    }
    return spare != null ? install(spare, archive) : startIn(slot, key, archive);
  }

  /**
   * A ready spare claimed for {@code key} and given {@code archive}, for a run nobody waits for yet
   * (the first run of a new upload, made ahead of need); release it like any worker. Empty when
   * {@code key} already has a worker, no spare is ready, or runs are waiting for a slot: this never
   * starts a worker, waits, or takes a spare a waiting run could have; nor does it while the key's
   * account has a worker prepared on which no run has been made yet. Its replacement waits, as for
   * any claimed spare, for the key's first run (the real one: it follows soon) or {@link
   * #REPLACEMENT_HOLD}.
   *
   * @throws IOException when the archive cannot be installed (the spare is then killed)
   */
  public Optional<W> claimSpare(PoolKey key, Path archive) throws IOException {
    W spare;
    lock.lock();
    try {
      if (closed || waiting > 0 || idle.has(key) || busyWith(key) || hasUnused(key.account())) {
        return Optional.empty();
      }
      spare = takeSpare();
      if (spare == null) {
        return Optional.empty();
      }
      spare.claim(key);
      busy.add(spare);
      firstRuns.put(spare, nanoTime.getAsLong() + REPLACEMENT_HOLD.toNanos());
      preparing.add(spare);
      preparedUnused.add(spare);
      preparedClaims++;
    } finally {
      lock.unlock();
    }
    return Optional.of(install(spare, archive));
  }

  private boolean hasUnused(Optional<AccountId> account) {
    for (W worker : preparedUnused) {
      if (worker.key().flatMap(PoolKey::account).equals(account)) {
        return true;
      }
    }
    return false;
  }

  private boolean busyWith(PoolKey key) {
    for (W worker : busy) {
      if (worker.key().filter(key::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes back a worker after a run; only a clean, young worker goes back to the idle set: one with
   * runs left, under half its CPU budget, and with an eighth of its address space still free (the
   * worker JVM alone maps about three quarters of the default 2 GiB; an FMU that leaks memory so
   * gets a fresh worker before a run of it fails for want of memory).
   */
  public void release(W worker, boolean reusable) {
    boolean young = worker.runs() < settings.maxRunsPerWorker() && young(worker.usage());
    boolean firstRunEnded;
    lock.lock();
    try {
      busy.remove(worker);
      boolean prepared = preparing.remove(worker) && reusable;
      Long latest = prepared ? null : firstRuns.get(worker);
      firstRunEnded = latest != null;
      if (firstRunEnded) {
        long soon = nanoTime.getAsLong() + REPLACEMENT_AFTER_FIRST_RUN.toNanos();
        firstRuns.put(worker, soon - latest < 0 ? soon : latest);
      }
      if (reusable && young && !closed && worker.alive()) {
        worker.markIdle();
        idle.add(worker);
        changed.signalAll();
      } else {
        retire(worker);
      }
    } finally {
      lock.unlock();
    }
    if (firstRunEnded) {
      later(REPLACEMENT_AFTER_FIRST_RUN);
    }
  }

  /** Tops the spares up after {@code delay}; not at all once the timer has been shut down. */
  private void later(Duration delay) {
    try {
      timer.accept(delay, this::topUp);
    } catch (RejectedExecutionException e) {
      // Shut down with the sandbox: the pool is closed, and no spare is wanted any more.
    }
  }

  private void topUp() {
    lock.lock();
    try {
      replenish();
    } finally {
      lock.unlock();
    }
  }

  private boolean young(PooledWorker.Usage used) {
    return used.cpu().toSeconds() < settings.cpuSeconds() / 2
        && used.addressSpaceBytes() < settings.addressSpaceBytes() / 8 * 7;
  }

  /**
   * Stops workers idle longer than the idle timeout, and idle workers and spares that died; then
   * starts the spares that are missing.
   */
  public void maintain() {
    lock.lock();
    try {
      idle.takeAll(w -> !w.alive() || w.idleLongerThan(settings.idleTimeout()))
          .forEach(this::retire);
      for (W spare : List.copyOf(spares)) {
        if (!spare.alive()) {
          spares.remove(spare);
          retire(spare);
        }
      }
      replenish();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Kills every worker, busy, idle or spare; a spare still starting is killed once it is up, and
   * one whose start has not begun is not started. Returns at once: {@link #awaitEmpty} waits.
   */
  public void close() {
    lock.lock();
    try {
      closed = true;
      idle.takeAll(w -> true).forEach(this::retire);
      for (W spare = spares.poll(); spare != null; spare = spares.poll()) {
        retire(spare);
      }
      busy.forEach(PooledWorker::killAndAwaitExit);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code limit} until every slot is free: each worker has exited and its folder is
   * gone, and no start is under way. After {@link #close} that means nothing of the pool is left on
   * the machine, so its folder can be removed.
   *
   * @return whether every slot freed in time
   */
  public boolean awaitEmpty(Duration limit) throws InterruptedException {
    lock.lock();
    try {
      long left = limit.toNanos();
      while (!slots.isEmpty()) {
        if (left <= 0) {
          return false;
        }
        left = changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Live workers (busy, idle, spare, starting or still dying), busy ones, and spares. */
  public SandboxStatus status(boolean bubblewrap, int queuedRuns) {
    lock.lock();
    try {
      return new SandboxStatus(
          bubblewrap,
          settings.maxWorkers(),
          slots.cardinality(),
          busy.size(),
          spares.size(),
          queuedRuns,
          spareClaims,
          coldStarts,
          preparedClaims);
    } finally {
      lock.unlock();
    }
  }

  /** The claimed workers, busy first, as {@code view} shows a worker and whether it is busy. */
  public <T> List<T> snapshot(BiFunction<W, Boolean, T> view) {
    List<W> idleWorkers;
    List<W> busyWorkers;
    lock.lock();
    try {
      idleWorkers = idle.all();
      busyWorkers = new ArrayList<>(busy);
    } finally {
      lock.unlock();
    }
    List<T> snapshot = new ArrayList<>();
    busyWorkers.forEach(w -> snapshot.add(view.apply(w, true)));
    idleWorkers.forEach(w -> snapshot.add(view.apply(w, false)));
    return snapshot;
  }

  /** The ready spares, as {@code view} shows each. */
  public <T> List<T> spares(Function<W, T> view) {
    List<W> ready;
    lock.lock();
    try {
      ready = List.copyOf(spares);
    } finally {
      lock.unlock();
    }
    return ready.stream().map(view).toList();
  }

  private W install(W claimed, Path archive) throws IOException {
    try {
      claimed.install(archive);
      return claimed;
    } catch (IOException | RuntimeException e) {
      release(claimed, false);
      throw e;
    }
  }

  private W startIn(int slot, PoolKey key, Path archive) throws IOException {
    W worker;
    try {
      worker = starter.start(slot, false);
    } catch (IOException | RuntimeException e) {
      free(slot, false);
      throw e;
    }
    lock.lock();
    try {
      worker.claim(key);
      busy.add(worker);
      if (closed) {
        release(worker, false);
        throw new IllegalStateException("the sandbox has been closed");
      }
    } finally {
      lock.unlock();
    }
    return install(worker, archive);
  }

  /**
   * Starts missing spares in free slots, unless a run waits for a slot; with no slot free, frees
   * the slot of a worker idle long enough. Guarded by the lock.
   */
  private void replenish() {
    long now = nanoTime.getAsLong();
    firstRuns.values().removeIf(latest -> now - latest >= 0);
    if (closed || waiting > 0 || now - sparePausedUntil < 0 || !firstRuns.isEmpty()) {
      return;
    }
    while (spares.size() + sparesStarting < settings.spareWorkers()) {
      int slot = slots.nextClearBit(0);
      if (slot >= settings.maxWorkers()) {
        if (dying == 0) {
          // Its slot frees once it has exited, and free() comes back here.
          idle.takeLongestIdle(w -> w.idleLongerThan(SPARE_AFTER_IDLE)).ifPresent(this::retire);
        }
        return;
      }
      slots.set(slot);
      sparesStarting++;
      try {
        spareStarts.execute(() -> startSpare(slot));
      } catch (RejectedExecutionException e) {
        slots.clear(slot);
        sparesStarting--;
        return;
      }
    }
  }

  private void startSpare(int slot) {
    lock.lock();
    try {
      if (closed) {
        sparesStarting--;
        free(slot, false);
        return;
      }
    } finally {
      lock.unlock();
    }
    W spare;
    try {
      spare = starter.start(slot, true);
    } catch (IOException | RuntimeException e) {
      lock.lock();
      try {
        if (!closed) {
          LOG.warn(
              "a spare simulation worker could not be started; trying again in {} s",
              SPARE_RETRY.toSeconds(),
              e);
        }
        sparesStarting--;
        sparePausedUntil = nanoTime.getAsLong() + SPARE_RETRY.toNanos();
        free(slot, false);
      } finally {
        lock.unlock();
      }
      return;
    }
    lock.lock();
    try {
      sparesStarting--;
      if (closed) {
        retire(spare);
      } else {
        spares.addLast(spare);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The most recently used live idle worker of {@code key}; dead ones are cleared away. */
  private W takeIdle(PoolKey key) {
    for (Optional<W> w = idle.take(key); w.isPresent(); w = idle.take(key)) {
      if (w.get().alive()) {
        return w.get();
      }
      retire(w.get());
    }
    return null;
  }

  /** The spare started first that is still alive; dead ones are cleared away. */
  private W takeSpare() {
    for (W spare = spares.pollFirst(); spare != null; spare = spares.pollFirst()) {
      if (spare.alive()) {
        return spare;
      }
      retire(spare);
    }
    return null;
  }

  /** Kills a worker that is in no set any more; its slot frees once it has exited. */
  private CompletableFuture<Void> retire(W worker) {
    preparedUnused.remove(worker);
    dying++;
    CompletableFuture<Void> exited = worker.killAndAwaitExit();
    exited.whenComplete(
        (done, error) -> {
          worker.deleteFolder();
          free(worker.slot(), true);
        });
    return exited;
  }

  private void free(int slot, boolean wasDying) {
    lock.lock();
    try {
      slots.clear(slot);
      if (wasDying) {
        dying--;
      }
      changed.signalAll();
      replenish();
    } finally {
      lock.unlock();
    }
  }
}
