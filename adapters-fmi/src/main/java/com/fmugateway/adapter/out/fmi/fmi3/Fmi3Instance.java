package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * One FMI 3.0 instance: a thin, checked wrapper over {@link Fmi3Library} for the calls all three
 * interfaces share, values of every type included; the subclasses add the rest.
 *
 * <p>Every call's status is checked: fmi3Error and fmi3Fatal become an {@link Fmi3Exception}
 * carrying the FMU's latest log lines; warnings and discards are left in {@link #lastStatus()}.
 * Unsigned integers travel as the bits of the signed Java type of the same width (read a UInt64
 * with {@link Long#toUnsignedString(long)}). Not thread-safe: one thread drives an instance, as FMI
 * requires. The callbacks handed to C live as long as this object, so native code never calls into
 * a collected one.
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
                nSensitivity));
    return sensitivity;
  }

  // ---- values: each array holds every element of the variables, in order ----

  public float[] getFloat32(int[] vrs, int nValues) {
    float[] values = new float[nValues];
    check("fmi3GetFloat32", lib().fmi3GetFloat32(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public double[] getFloat64(int[] vrs, int nValues) {
    double[] values = new double[nValues];
    check("fmi3GetFloat64", lib().fmi3GetFloat64(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public double getFloat64(int vr) {
    return getFloat64(new int[] {vr}, 1)[0];
  }

  public byte[] getInt8(int[] vrs, int nValues) {
    byte[] values = new byte[nValues];
    check("fmi3GetInt8", lib().fmi3GetInt8(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public byte[] getUInt8(int[] vrs, int nValues) {
    byte[] values = new byte[nValues];
    check("fmi3GetUInt8", lib().fmi3GetUInt8(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public short[] getInt16(int[] vrs, int nValues) {
    short[] values = new short[nValues];
    check("fmi3GetInt16", lib().fmi3GetInt16(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public short[] getUInt16(int[] vrs, int nValues) {
    short[] values = new short[nValues];
    check("fmi3GetUInt16", lib().fmi3GetUInt16(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public int[] getInt32(int[] vrs, int nValues) {
    int[] values = new int[nValues];
    check("fmi3GetInt32", lib().fmi3GetInt32(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public int getInt32(int vr) {
    return getInt32(new int[] {vr}, 1)[0];
  }

  public int[] getUInt32(int[] vrs, int nValues) {
    int[] values = new int[nValues];
    check("fmi3GetUInt32", lib().fmi3GetUInt32(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public long[] getInt64(int[] vrs, int nValues) {
    long[] values = new long[nValues];
    check("fmi3GetInt64", lib().fmi3GetInt64(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public long[] getUInt64(int[] vrs, int nValues) {
    long[] values = new long[nValues];
    check("fmi3GetUInt64", lib().fmi3GetUInt64(handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public boolean[] getBoolean(int[] vrs, int nValues) {
    byte[] values = new byte[nValues];
    check("fmi3GetBoolean", lib().fmi3GetBoolean(handle(), vrs, vrs.length, values, nValues));
    return booleans(values);
  }

  /** Strings as UTF-8; copied out at once, since the FMU's pointers expire with its next call. */
  public String[] getString(int[] vrs, int nValues) {
    Pointer[] values = new Pointer[nValues];
    check("fmi3GetString", lib().fmi3GetString(handle(), vrs, vrs.length, values, nValues));
    String[] strings = new String[nValues];
    for (int k = 0; k < nValues; k++) {
      strings[k] = values[k] == null ? null : values[k].getString(0, StandardCharsets.UTF_8.name());
    }
    return strings;
  }

  public byte[][] getBinary(int[] vrs, int nValues) {
    Pointer[] values = new Pointer[nValues];
    long[] sizes = new long[nValues];
    check("fmi3GetBinary", lib().fmi3GetBinary(handle(), vrs, vrs.length, sizes, values, nValues));
    byte[][] binaries = new byte[nValues][];
    for (int k = 0; k < nValues; k++) {
      if (sizes[k] > Integer.MAX_VALUE - 8 || (values[k] == null && sizes[k] > 0)) {
        throw new Fmi3Exception("fmi3GetBinary", Fmi3Status.ERROR, List.of(badBinary(k)));
      }
      binaries[k] = sizes[k] == 0 ? new byte[0] : values[k].getByteArray(0, (int) sizes[k]);
    }
    return binaries;
  }

  private static Fmi3LogLine badBinary(int k) {
    return new Fmi3LogLine(Fmi3Status.ERROR, "importer", "value " + k + " has an impossible size");
  }

  public void setFloat32(int[] vrs, float... values) {
    check("fmi3SetFloat32", lib().fmi3SetFloat32(handle(), vrs, vrs.length, values, values.length));
  }

  public void setFloat64(int[] vrs, double... values) {
    check("fmi3SetFloat64", lib().fmi3SetFloat64(handle(), vrs, vrs.length, values, values.length));
  }

  public void setFloat64(int vr, double value) {
    setFloat64(new int[] {vr}, value);
  }

  public void setInt8(int[] vrs, byte... values) {
    check("fmi3SetInt8", lib().fmi3SetInt8(handle(), vrs, vrs.length, values, values.length));
  }

  public void setUInt8(int[] vrs, byte... values) {
    check("fmi3SetUInt8", lib().fmi3SetUInt8(handle(), vrs, vrs.length, values, values.length));
  }

  public void setInt16(int[] vrs, short... values) {
    check("fmi3SetInt16", lib().fmi3SetInt16(handle(), vrs, vrs.length, values, values.length));
  }

  public void setUInt16(int[] vrs, short... values) {
    check("fmi3SetUInt16", lib().fmi3SetUInt16(handle(), vrs, vrs.length, values, values.length));
  }

  public void setInt32(int[] vrs, int... values) {
    check("fmi3SetInt32", lib().fmi3SetInt32(handle(), vrs, vrs.length, values, values.length));
  }

  public void setUInt32(int[] vrs, int... values) {
    check("fmi3SetUInt32", lib().fmi3SetUInt32(handle(), vrs, vrs.length, values, values.length));
  }

  public void setInt64(int[] vrs, long... values) {
    check("fmi3SetInt64", lib().fmi3SetInt64(handle(), vrs, vrs.length, values, values.length));
  }

  public void setUInt64(int[] vrs, long... values) {
    check("fmi3SetUInt64", lib().fmi3SetUInt64(handle(), vrs, vrs.length, values, values.length));
  }

  public void setBoolean(int[] vrs, boolean... values) {
    byte[] bytes = bytes(values);
    check("fmi3SetBoolean", lib().fmi3SetBoolean(handle(), vrs, vrs.length, bytes, bytes.length));
  }

  /** Strings as UTF-8; C strings end at NUL, so a value containing one is refused here. */
  public void setString(int[] vrs, String... values) {
    for (String value : values) {
      if (value == null || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a String value must be non-null and NUL-free");
      }
    }
    check("fmi3SetString", lib().fmi3SetString(handle(), vrs, vrs.length, values, values.length));
  }

  public void setBinary(int[] vrs, byte[]... values) {
    Pointer[] pointers = new Pointer[values.length];
    long[] sizes = new long[values.length];
    List<Memory> buffers = new ArrayList<>(values.length);
    for (int k = 0; k < values.length; k++) {
      // JNA refuses zero-byte Memory; the size argument still says 0.
      Memory buffer = new Memory(Math.max(1, values[k].length));
      buffer.write(0, values[k], 0, values[k].length);
      buffers.add(buffer);
      pointers[k] = buffer;
      sizes[k] = values[k].length;
    }
    check(
        "fmi3SetBinary",
        lib().fmi3SetBinary(handle(), vrs, vrs.length, sizes, pointers, values.length));
    // The FMU copied the bytes during the call; only now may the buffers go.
    buffers.forEach(Memory::close);
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
