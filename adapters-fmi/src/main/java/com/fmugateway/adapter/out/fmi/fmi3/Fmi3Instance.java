package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * One FMI 3.0 instance: a thin, checked wrapper over {@link Fmi3Library} for the calls all three
 * interfaces share, {@link #values()} and {@link #clocks()} included; the subclasses add the rest.
 *
 * <p>Every call's status is checked: fmi3Error and fmi3Fatal become an {@link Fmi3Exception}
 * carrying the FMU's latest log lines; warnings and discards are left in {@link #lastStatus()}. Not
 * thread-safe: one thread drives an instance, as FMI requires. The callbacks handed to C live as
 * long as this object, so native code never calls into a collected one. The log listener given to a
 * factory may be null; the lines are kept either way.
 */
public abstract class Fmi3Instance implements AutoCloseable {

  private final Fmi3Fmu fmu;
  private final Fmi3Log log;
  private final Pointer handle;

  // Native code holds pointers to these; referenced here so they live as long as the instance.
  // Every call ends in check() on this object, which keeps it reachable until C has returned.
  @SuppressWarnings({"unused", "FieldCanBeLocal"})
  private final List<Object> callbacks;

  private Fmi3Status lastStatus = Fmi3Status.OK;
  private boolean freed;
  private boolean fatal;

  Fmi3Instance(Fmi3Fmu fmu, Fmi3Log log, Pointer handle, List<Object> callbacks) {
    this.fmu = fmu;
    this.log = log;
    this.handle = handle;
    this.callbacks = List.copyOf(callbacks);
    fmu.opened(this);
  }

  /** Co-simulation; {@code onIntermediateUpdate} may be null (the FMU is then not called back). */
  public static Fmi3CoSimulation instantiateCoSimulation(
      Fmi3Fmu fmu,
      String instanceName,
      String instantiationToken,
      boolean eventModeUsed,
      boolean earlyReturnAllowed,
      Fmi3CoSimulation.IntermediateUpdateHandler onIntermediateUpdate,
      Consumer<Fmi3LogLine> logListener) {
    return Fmi3CoSimulation.instantiate(
        fmu,
        instanceName,
        instantiationToken,
        eventModeUsed,
        earlyReturnAllowed,
        onIntermediateUpdate,
        new Fmi3Log(logListener));
  }

  public static Fmi3ModelExchange instantiateModelExchange(
      Fmi3Fmu fmu, String instanceName, String instantiationToken, Consumer<Fmi3LogLine> log) {
    return Fmi3ModelExchange.instantiate(fmu, instanceName, instantiationToken, new Fmi3Log(log));
  }

  /** Scheduled execution; {@code onClockUpdate} runs whenever the FMU calls clockUpdate. */
  public static Fmi3ScheduledExecution instantiateScheduledExecution(
      Fmi3Fmu fmu,
      String instanceName,
      String instantiationToken,
      Runnable onClockUpdate,
      Consumer<Fmi3LogLine> log) {
    return Fmi3ScheduledExecution.instantiate(
        fmu, instanceName, instantiationToken, onClockUpdate, new Fmi3Log(log));
  }

  /** Null from an fmi3Instantiate function means failure; the log says why. */
  static Pointer instantiated(String function, Pointer handle, Fmi3Log log) {
    if (handle == null) {
      throw new Fmi3Exception(function, Fmi3Status.ERROR, log.lines());
    }
    return handle;
  }

  static byte bool(boolean value) {
    return value ? (byte) 1 : (byte) 0;
  }

  final Fmi3Library lib() {
    return fmu.library();
  }

  final Fmi3Fmu fmu() {
    return fmu;
  }

  final Pointer handle() {
    if (freed || fatal) {
      // After fmi3Fatal FMI allows no further call at all, not even fmi3FreeInstance.
      throw new IllegalStateException(freed ? "instance already freed" : "instance is fatal");
    }
    return handle;
  }

  final Fmi3Status check(String function, int code) {
    Fmi3Status status = Fmi3Status.of(code);
    lastStatus = status;
    fatal |= status == Fmi3Status.FATAL;
    if (status.failed()) {
      throw new Fmi3Exception(function, status, log.lines());
    }
    return status;
  }

  /** The status of the last call, to see warnings and discards, which throw nothing. */
  public Fmi3Status lastStatus() {
    return lastStatus;
  }

  /** The FMU's latest log lines, oldest first, at most {@value Fmi3Log#MAX_LINES}. */
  public List<Fmi3LogLine> logLines() {
    return log.lines();
  }

  public void setDebugLogging(boolean loggingOn, String... categories) {
    check(
        "fmi3SetDebugLogging",
        lib().fmi3SetDebugLogging(handle(), bool(loggingOn), categories.length, categories));
  }

  public void enterInitializationMode(double startTime) {
    enterInitializationMode(OptionalDouble.empty(), startTime, OptionalDouble.empty());
  }

  public void enterInitializationMode(
      OptionalDouble tolerance, double startTime, OptionalDouble stopTime) {
    check(
        "fmi3EnterInitializationMode",
        lib()
            .fmi3EnterInitializationMode(
                handle(),
                bool(tolerance.isPresent()),
                tolerance.orElse(0),
                startTime,
                bool(stopTime.isPresent()),
                stopTime.orElse(0)));
  }

  public void exitInitializationMode() {
    check("fmi3ExitInitializationMode", lib().fmi3ExitInitializationMode(handle()));
  }

  public void terminate() {
    check("fmi3Terminate", lib().fmi3Terminate(handle()));
  }

  public void reset() {
    check("fmi3Reset", lib().fmi3Reset(handle()));
  }

  /** Frees the instance (fmi3FreeInstance); safe to call twice. */
  @Override
  public void close() {
    if (!freed && !fatal) {
      lib().fmi3FreeInstance(handle);
    }
    freed = true;
    fmu.closed(this);
  }

  /** fmi3Get and fmi3Set for every value type, arrays included. */
  public Fmi3Values values() {
    return new Fmi3Values(this);
  }

  /** The clock calls: fmi3GetClock, fmi3SetClock and the interval and shift functions. */
  public Fmi3Clocks clocks() {
    return new Fmi3Clocks(this);
  }

  /** Model exchange, and co-simulation with eventModeUsed. */
  public void enterEventMode() {
    check("fmi3EnterEventMode", lib().fmi3EnterEventMode(handle()));
  }

  /** One event iteration (fmi3UpdateDiscreteStates); repeat while discreteStatesNeedUpdate. */
  public Fmi3DiscreteStates updateDiscreteStates() {
    byte[] needUpdate = new byte[1];
    byte[] terminate = new byte[1];
    byte[] nominalsChanged = new byte[1];
    byte[] valuesChanged = new byte[1];
    byte[] timeDefined = new byte[1];
    double[] time = new double[1];
    check(
        "fmi3UpdateDiscreteStates",
        lib()
            .fmi3UpdateDiscreteStates(
                handle(),
                needUpdate,
                terminate,
                nominalsChanged,
                valuesChanged,
                timeDefined,
                time));
    return new Fmi3DiscreteStates(
        needUpdate[0] != 0,
        terminate[0] != 0,
        nominalsChanged[0] != 0,
        valuesChanged[0] != 0,
        timeDefined[0] != 0 ? OptionalDouble.of(time[0]) : OptionalDouble.empty());
  }

  /**
   * The Jacobian of the unknowns with respect to the knowns times {@code seed} (one seed value per
   * element of the knowns); {@code nSensitivity} is the number of elements of the unknowns.
   */
  public double[] getDirectionalDerivative(
      int[] unknowns, int[] knowns, double[] seed, int nSensitivity) {
    double[] sensitivity = new double[nSensitivity];
    getDirectionalDerivative(unknowns, knowns, seed, sensitivity);
    return sensitivity;
  }

  /** As above, into the caller's array (one element per element of the unknowns). */
  public void getDirectionalDerivative(
      int[] unknowns, int[] knowns, double[] seed, double[] sensitivity) {
    check(
        "fmi3GetDirectionalDerivative",
        lib()
            .fmi3GetDirectionalDerivative(
                handle(),
                unknowns,
                unknowns.length,
                knowns,
                knowns.length,
                seed,
                seed.length,
                sensitivity,
                sensitivity.length));
  }

  static boolean[] booleans(byte[] bytes) {
    boolean[] values = new boolean[bytes.length];
    for (int k = 0; k < bytes.length; k++) {
      values[k] = bytes[k] != 0;
    }
    return values;
  }

  static byte[] bytes(boolean[] values) {
    byte[] bytes = new byte[values.length];
    for (int k = 0; k < values.length; k++) {
      bytes[k] = bool(values[k]);
    }
    return bytes;
  }
}
