package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.ModelVariable;
import no.ntnu.ihb.fmi4j.FmiStatus;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;

/** Sets one variable through the FMI set function of its type. */
final class VariableWriter {

  private VariableWriter() {}

  /**
   * Writes {@code value}, a Double, Integer, Boolean or String as {@link
   * com.fmugateway.domain.simulation.model.StartValue} promises for the variable's type.
   */
  static void write(
      AbstractModelInstance<?, ?> instance, ModelVariable variable, Object value, double t) {
    long[] vr = {variable.valueReference()};
    switch (TypedRefs.kindOf(variable.type())) {
      case REAL ->
          check(
              instance.writeReal(vr, new double[] {number(variable, value).doubleValue()}),
              "fmi2SetReal",
              variable,
              t);
      case INTEGER ->
          check(
              instance.writeInteger(vr, new int[] {number(variable, value).intValue()}),
              "fmi2SetInteger",
              variable,
              t);
      case BOOLEAN ->
          check(
              instance.writeBoolean(vr, fmi2Booleans(typed(variable, value, Boolean.class))),
              "fmi2SetBoolean",
              variable,
              t);
      case STRING ->
          check(
              instance.writeString(vr, new String[] {typed(variable, value, String.class)}),
              "fmi2SetString",
              variable,
              t);
    }
  }

  /**
   * FMI4j 0.38's native setBoolean passes the JVM's one-byte booleans to the FMU as if they were
   * four-byte fmi2Booleans, so the FMU reads three stray bytes with each value. Spreading each
   * value over four bytes makes every fmi2Boolean exactly 0 or 1 (on little-endian x86_64, the only
   * platform the gateway runs FMUs on).
   */
  static boolean[] fmi2Booleans(boolean... values) {
    boolean[] spread = new boolean[4 * values.length];
    for (int k = 0; k < values.length; k++) {
      spread[4 * k] = values[k];
    }
    return spread;
  }

  private static void check(FmiStatus status, String call, ModelVariable variable, double t) {
    FmiCalls.check(status, call + " of " + variable.name(), t);
  }

  private static Number number(ModelVariable variable, Object value) {
    return typed(variable, value, Number.class);
  }

  private static <T> T typed(ModelVariable variable, Object value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          variable.name()
              + " is "
              + variable.type()
              + " but its value is a "
              + value.getClass().getSimpleName());
    }
    return type.cast(value);
  }
}
