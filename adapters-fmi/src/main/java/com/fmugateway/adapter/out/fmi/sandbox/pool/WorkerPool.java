package com.fmugateway.adapter.out.fmi.sandbox.pool;

import com.fmugateway.adapter.out.fmi.sandbox.host.SandboxSettings;
import com.fmugateway.adapter.out.fmi.sandbox.host.SandboxStatus;
import com.fmugateway.adapter.out.fmi.sandbox.host.WorkerLauncher;
import com.fmugateway.adapter.out.fmi.sandbox.host.WorkerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live workers. Hands out an idle worker of the run's key, else starts one in a free slot, else
 * stops the longest-idle worker of another key to free one. A slot, and with it its uid, becomes
 * free only once its worker's whole process tree has exited.
 *
 * <p>The scheduler runs at most {@code maxWorkers} runs at once, so a run that finds every slot
 * taken always finds an idle worker to evict; it waits only for that worker to die.
 */
public final class WorkerPool {

  private static final Duration SLOT_WAIT = Duration.ofSeconds(30);

  private final SandboxSettings settings;
  private final WorkerLauncher launcher;
  private final boolean confined;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final IdleWorkers idle = new IdleWorkers();
  private final Set<WorkerProcess> busy = new HashSet<>();
  private final BitSet slots = new BitSet();
  private int dying;
  private boolean closed;

  public WorkerPool(SandboxSettings settings, WorkerLauncher launcher, boolean confined) {
    this.settings = settings;
    this.launcher = launcher;
    this.confined = confined;
  }

  /**
   * A worker for {@code key}, started on {@code archive} if none is idle.
   *
   * @throws IOException when a new worker does not come up
   * @throws SlotTimeoutException when no slot frees up in time
   */
  public WorkerProcess acquire(PoolKey key, Path archive)
      throws IOException, InterruptedException, SlotTimeoutException {
    int slot;
    lock.lock();
    try {
      long deadline = System.nanoTime() + SLOT_WAIT.toNanos();
      while (true) {
        if (closed) {
          throw new IllegalStateException("the sandbox has been closed");
        }
        WorkerProcess warm = takeIdle(key);
        if (warm != null) {
          busy.add(warm);
          return warm;
        }
        slot = slots.nextClearBit(0);
        if (slot < settings.maxWorkers()) {
          slots.set(slot);
          break;
        }
        Optional<WorkerProcess> victim = dying == 0 ? idle.takeLongestIdle() : Optional.empty();
        if (victim.isPresent()) {
          retire(victim.get());
        } else if (changed.awaitNanos(deadline - System.nanoTime()) <= 0) {
          throw new SlotTimeoutException(SLOT_WAIT.toSeconds());
        }
      }
    } finally {
      lock.unlock();
    }
    return startIn(slot, key, archive);
  }

  /** Takes back a worker after a run; only a clean, young worker goes back to the idle set. */
  public void release(WorkerProcess worker, boolean reusable) {
    boolean young =
        worker.runs() < settings.maxRunsPerWorker()
            && worker.cpuUsed().toSeconds() < settings.cpuSeconds() / 2;
    lock.lock();
    try {
      busy.remove(worker);
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
  }

  /** Stops workers idle longer than the idle timeout, and idle workers that died. */
  public void reapIdle() {
    lock.lock();
    try {
      idle.takeAll(w -> !w.alive() || w.idleLongerThan(settings.idleTimeout()))
          .forEach(this::retire);
    } finally {
      lock.unlock();
    }
  }

  /** Kills every worker, busy or not, and waits up to {@code limit} for them to exit. */
  public void close(Duration limit) throws InterruptedException {
    List<CompletableFuture<Void>> exits = new ArrayList<>();
    lock.lock();
    try {
      closed = true;
      idle.takeAll(w -> true).forEach(w -> exits.add(retire(w)));
      busy.forEach(w -> exits.add(w.killAndAwaitExit()));
    } finally {
      lock.unlock();
    }
    try {
      CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
          .get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Killed with SIGKILL; whatever has not exited yet will without our help.
    }
  }

  /** Live workers (busy, idle or still dying) and busy ones, counted together. */
  public SandboxStatus status(boolean bubblewrap, int queuedRuns) {
    lock.lock();
    try {
      return new SandboxStatus(
          bubblewrap, settings.maxWorkers(), slots.cardinality(), busy.size(), queuedRuns);
    } finally {
      lock.unlock();
    }
  }

  public List<WorkerSnapshot> snapshot() {
    List<WorkerProcess> idleWorkers = new ArrayList<>();
    List<WorkerProcess> busyWorkers;
    lock.lock();
    try {
      idleWorkers.addAll(idle.all());
      busyWorkers = new ArrayList<>(busy);
    } finally {
      lock.unlock();
    }
    List<WorkerSnapshot> snapshot = new ArrayList<>();
    busyWorkers.forEach(w -> snapshot.add(snapshotOf(w, true)));
    idleWorkers.forEach(w -> snapshot.add(snapshotOf(w, false)));
    return snapshot;
  }

  private WorkerProcess startIn(int slot, PoolKey key, Path archive)
      throws IOException, InterruptedException {
    WorkerProcess worker;
    try {
      worker = launcher.start(key, slot, archive, confined);
    } catch (IOException | RuntimeException e) {
      free(slot, false);
      throw e;
    }
    lock.lock();
    try {
      if (closed) {
        retire(worker);
        throw new IllegalStateException("the sandbox has been closed");
      }
      busy.add(worker);
      return worker;
    } finally {
      lock.unlock();
    }
  }

  /** The most recently used live idle worker of {@code key}; dead ones are cleared away. */
  private WorkerProcess takeIdle(PoolKey key) {
    for (Optional<WorkerProcess> w = idle.take(key); w.isPresent(); w = idle.take(key)) {
      if (w.get().alive()) {
        return w.get();
      }
      retire(w.get());
    }
    return null;
  }

  /** Kills a worker that is in neither set any more; its slot frees once it has exited. */
  private CompletableFuture<Void> retire(WorkerProcess worker) {
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
    } finally {
      lock.unlock();
    }
  }

  private static WorkerSnapshot snapshotOf(WorkerProcess worker, boolean busy) {
    return new WorkerSnapshot(
        worker.key(), busy, worker.runs(), worker.process(), worker.jvm(), worker.startup());
  }
}
