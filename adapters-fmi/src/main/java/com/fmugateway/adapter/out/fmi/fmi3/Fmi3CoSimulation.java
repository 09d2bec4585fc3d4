package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Pointer;
import java.util.List;

/** An FMI 3.0 co-simulation instance: step mode, fmi3DoStep and its out-flags. */
public final class Fmi3CoSimulation extends Fmi3Instance {

  /** What the FMU reports through intermediateUpdate during a step. */
  public record IntermediateUpdate(
      double time,
      boolean variableSetRequested,
      boolean variableGetAllowed,
      boolean stepFinished,
      boolean canReturnEarly) {}

  /** Called back during fmi3DoStep; returning true asks the FMU to return early (if it may). */
  @FunctionalInterface
  public interface IntermediateUpdateHandler {
    boolean onIntermediateUpdate(IntermediateUpdate update);
  }

  /** fmi3DoStep's out-arguments. */
  public record StepResult(
      boolean eventHandlingNeeded,
      boolean terminateSimulation,
      boolean earlyReturn,
      double lastSuccessfulTime) {}

  private Fmi3CoSimulation(Fmi3Fmu fmu, Fmi3Log log, Pointer handle, List<Object> callbacks) {
    super(fmu, log, handle, callbacks);
  }

  static Fmi3CoSimulation instantiate(
      Fmi3Fmu fmu,
      String instanceName,
      String token,
      boolean eventModeUsed,
      boolean earlyReturnAllowed,
      IntermediateUpdateHandler handler,
      Fmi3Log log) {
    Fmi3Library.IntermediateUpdate callback = handler == null ? null : bridge(handler);
    Pointer handle =
        fmu.library()
            .fmi3InstantiateCoSimulation(
                instanceName,
                token,
                fmu.resourcePath(),
                bool(false),
                bool(true),
                bool(eventModeUsed),
                bool(earlyReturnAllowed),
                new int[0],
                0,
                Pointer.NULL,
                log,
                callback);
    List<Object> callbacks = callback == null ? List.of(log) : List.of(log, callback);
    return new Fmi3CoSimulation(
        fmu, log, instantiated("fmi3InstantiateCoSimulation", handle, log), callbacks);
  }

  private static Fmi3Library.IntermediateUpdate bridge(IntermediateUpdateHandler handler) {
    return (environment,
        time,
        setRequested,
        getAllowed,
        stepFinished,
        canReturnEarly,
        earlyReturnRequested,
        earlyReturnTime) -> {
      boolean requested = false;
      try {
        IntermediateUpdate update =
            new IntermediateUpdate(
                time, setRequested != 0, getAllowed != 0, stepFinished != 0, canReturnEarly != 0);
        requested = handler.onIntermediateUpdate(update) && canReturnEarly != 0;
      } catch (RuntimeException e) {
        // An exception must not unwind through the FMU's C frames; the step simply goes on.
      }
      if (earlyReturnRequested != null) {
        earlyReturnRequested.setByte(0, bool(requested));
      }
      if (earlyReturnTime != null) {
        earlyReturnTime.setDouble(0, time);
      }
    };
  }

  /** From event mode (eventModeUsed) back to step mode. */
  public void enterStepMode() {
    check("fmi3EnterStepMode", lib().fmi3EnterStepMode(handle()));
  }

  public StepResult doStep(double currentCommunicationPoint, double communicationStepSize) {
    byte[] eventHandlingNeeded = new byte[1];
    byte[] terminate = new byte[1];
    byte[] earlyReturn = new byte[1];
    double[] lastSuccessfulTime = new double[1];
    check(
        "fmi3DoStep",
        lib()
            .fmi3DoStep(
                handle(),
                currentCommunicationPoint,
                communicationStepSize,
                bool(true),
                eventHandlingNeeded,
                terminate,
                earlyReturn,
                lastSuccessfulTime));
    return new StepResult(
        eventHandlingNeeded[0] != 0, terminate[0] != 0, earlyReturn[0] != 0, lastSuccessfulTime[0]);
  }
}
