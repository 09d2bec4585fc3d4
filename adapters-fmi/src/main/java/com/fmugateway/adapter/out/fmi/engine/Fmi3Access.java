package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Values;
import com.fmugateway.domain.fmu.model.ModelVariable;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads and writes one FMI 3.0 variable, scalar or array, by its type: floats as doubles, whole
 * numbers as longs holding the exact bits (never a double), Booleans, Strings, and Binaries as
 * lowercase hex.
 */
final class Fmi3Access {

  private static final HexFormat HEX = HexFormat.of();

  private Fmi3Access() {}

  /** Number of elements the variable has: 1 for a scalar. */
  static int count(ModelVariable variable) {
    return Math.toIntExact(variable.elementCount().orElse(1));
  }

  /** Writes a start value or input: one value, or a row-major list for an array. */
  static void write(Fmi3Values values, ModelVariable variable, Object value) {
    List<?> elements = value instanceof List<?> list ? list : List.of(value);
    int[] vr = {Math.toIntExact(variable.valueReference())};
    int n = elements.size();
    switch (variable.type()) {
      case FLOAT64, REAL -> {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = ((Number) elements.get(i)).doubleValue();
        }
        values.setFloat64(vr, d);
      }
      case FLOAT32 -> {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
          f[i] = ((Number) elements.get(i)).floatValue();
        }
        values.setFloat32(vr, f);
      }
      case INT8, UINT8 -> {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
          b[i] = (byte) whole(elements.get(i));
        }
        if (variable.type().isUnsigned()) {
          values.setUInt8(vr, b);
        } else {
          values.setInt8(vr, b);
        }
      }
      case INT16, UINT16 -> {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
          s[i] = (short) whole(elements.get(i));
        }
        if (variable.type().isUnsigned()) {
          values.setUInt16(vr, s);
        } else {
          values.setInt16(vr, s);
        }
      }
      case INT32, UINT32, INTEGER -> {
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
          k[i] = (int) whole(elements.get(i));
        }
        if (variable.type().isUnsigned()) {
          values.setUInt32(vr, k);
        } else {
          values.setInt32(vr, k);
        }
      }
      case INT64, UINT64, ENUMERATION -> {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
          l[i] = whole(elements.get(i));
        }
        if (variable.type().isUnsigned()) {
          values.setUInt64(vr, l);
        } else {
          values.setInt64(vr, l);
        }
      }
      case BOOLEAN -> {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) {
          b[i] = (Boolean) elements.get(i);
        }
        values.setBoolean(vr, b);
      }
      case STRING ->
          values.setString(vr, elements.stream().map(String::valueOf).toArray(String[]::new));
      case BINARY ->
          values.setBinary(
              vr, elements.stream().map(h -> HEX.parseHex((String) h)).toArray(byte[][]::new));
      default -> throw new IllegalArgumentException(variable.type().label() + " cannot be written");
    }
  }

  /**
   * Reads the variable's elements into {@code into} as one sample: Double, Long, Boolean or String
   * (Binary as hex) per element.
   */
  static Object[] read(Fmi3Values values, ModelVariable variable) {
    int[] vr = {Math.toIntExact(variable.valueReference())};
    int n = count(variable);
    Object[] out = new Object[n];
    switch (variable.type()) {
      case FLOAT64 -> fill(out, values.getFloat64(vr, n));
      case FLOAT32 -> {
        float[] f = values.getFloat32(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = (double) f[i];
        }
      }
      case INT8 -> {
        byte[] b = values.getInt8(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = (long) b[i];
        }
      }
      case UINT8 -> {
        byte[] b = values.getUInt8(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = (long) Byte.toUnsignedInt(b[i]);
        }
      }
      case INT16 -> {
        short[] s = values.getInt16(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = (long) s[i];
        }
      }
      case UINT16 -> {
        short[] s = values.getUInt16(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = (long) Short.toUnsignedInt(s[i]);
        }
      }
      case INT32 -> {
        int[] k = values.getInt32(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = (long) k[i];
        }
      }
      case UINT32 -> {
        int[] k = values.getUInt32(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = Integer.toUnsignedLong(k[i]);
        }
      }
      case INT64, ENUMERATION -> {
        long[] l = values.getInt64(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = l[i];
        }
      }
      case UINT64 -> {
        long[] l = values.getUInt64(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = l[i];
        }
      }
      case BOOLEAN -> {
        boolean[] b = values.getBoolean(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = b[i];
        }
      }
      case STRING -> System.arraycopy(values.getString(vr, n), 0, out, 0, n);
      case BINARY -> {
        byte[][] b = values.getBinary(vr, n);
        for (int i = 0; i < n; i++) {
          out[i] = HEX.formatHex(b[i]);
        }
      }
      default -> throw new IllegalArgumentException(variable.type().label() + " cannot be read");
    }
    return out;
  }

  private static void fill(Object[] out, double[] values) {
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
  }

  /** A checked whole number: Long (FMI 3.0 integers) or Integer (enumerations). */
  private static long whole(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    return (Integer) value;
  }
}
