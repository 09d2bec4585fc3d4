package com.fmugateway.adapter.out.fmi.fmi3;

/** The clock calls of one {@link Fmi3Instance}, in event mode or clock activation mode. */
public final class Fmi3Clocks {

  /** fmi3IntervalQualifier, in the C enum's order. */
  public enum Qualifier {
    NOT_YET_KNOWN,
    UNCHANGED,
    CHANGED
  }

  /** A clock's interval in seconds as fmi3GetIntervalDecimal reports it. */
  public record Interval(double seconds, Qualifier qualifier) {}

  private final Fmi3Instance instance;

  Fmi3Clocks(Fmi3Instance instance) {
    this.instance = instance;
  }

  /** Whether each clock is active; reading an output clock resets it in the FMU. */
  public boolean[] get(int... vrs) {
    byte[] values = new byte[vrs.length];
    instance.check(
        "fmi3GetClock", instance.lib().fmi3GetClock(instance.handle(), vrs, vrs.length, values));
    return Fmi3Instance.booleans(values);
  }

  public boolean get(int vr) {
    return get(new int[] {vr})[0];
  }

  /** Activates or deactivates input clocks in event mode. */
  public void set(int[] vrs, boolean... active) {
    if (active.length != vrs.length) {
      throw new IllegalArgumentException("one value per clock");
    }
    byte[] values = Fmi3Instance.bytes(active);
    instance.check(
        "fmi3SetClock", instance.lib().fmi3SetClock(instance.handle(), vrs, vrs.length, values));
  }

  public Interval[] intervals(int... vrs) {
    double[] seconds = new double[vrs.length];
    int[] qualifiers = new int[vrs.length];
    instance.check(
        "fmi3GetIntervalDecimal",
        instance
            .lib()
            .fmi3GetIntervalDecimal(instance.handle(), vrs, vrs.length, seconds, qualifiers));
    Interval[] intervals = new Interval[vrs.length];
    for (int k = 0; k < vrs.length; k++) {
      intervals[k] = new Interval(seconds[k], qualifier(qualifiers[k]));
    }
    return intervals;
  }

  public Interval interval(int vr) {
    return intervals(vr)[0];
  }

  public double[] shifts(int... vrs) {
    double[] shifts = new double[vrs.length];
    instance.check(
        "fmi3GetShiftDecimal",
        instance.lib().fmi3GetShiftDecimal(instance.handle(), vrs, vrs.length, shifts));
    return shifts;
  }

  private static Qualifier qualifier(int code) {
    if (code < 0 || code >= Qualifier.values().length) {
      throw new Fmi3Exception(
          "fmi3GetIntervalDecimal",
          Fmi3Status.ERROR,
          java.util.List.of(
              new Fmi3LogLine(Fmi3Status.ERROR, "importer", "unknown qualifier " + code)));
    }
    return Qualifier.values()[code];
  }
}
