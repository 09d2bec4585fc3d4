package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Pointer;
import java.util.List;

/**
 * An FMI 3.0 scheduled execution instance: the importer activates model partitions by input clock;
 * the FMU announces countdown intervals and output clock ticks through clockUpdate.
 */
public final class Fmi3ScheduledExecution extends Fmi3Instance {

  private Fmi3ScheduledExecution(Fmi3Fmu fmu, Fmi3Log log, Pointer handle, List<Object> callbacks) {
    super(fmu, log, handle, callbacks);
  }

  static Fmi3ScheduledExecution instantiate(
      Fmi3Fmu fmu, String name, String token, Runnable onClockUpdate, Fmi3Log log) {
    Fmi3Library.ClockUpdate clockUpdate =
        environment -> {
          try {
            onClockUpdate.run();
          } catch (RuntimeException e) {
            // An exception must not unwind through the FMU's C frames.
          }
        };
    // This importer runs every partition on the calling thread, one at a time, so there is
    // nothing to lock; non-null all the same, since FMUs may call them without checking.
    Fmi3Library.Preemption lock = () -> {};
    Fmi3Library.Preemption unlock = () -> {};
    Pointer handle =
        fmu.library()
            .fmi3InstantiateScheduledExecution(
                name,
                token,
                fmu.resourcePath(),
                bool(false),
                bool(true),
                Pointer.NULL,
                log,
                clockUpdate,
                lock,
                unlock);
    return new Fmi3ScheduledExecution(
        fmu,
        log,
        instantiated("fmi3InstantiateScheduledExecution", handle, log),
        List.of(log, clockUpdate, lock, unlock));
  }

  /** Runs the model partition of input clock {@code clockReference} at {@code activationTime}. */
  public void activateModelPartition(int clockReference, double activationTime) {
    check(
        "fmi3ActivateModelPartition",
        lib().fmi3ActivateModelPartition(handle(), clockReference, activationTime));
  }
}
