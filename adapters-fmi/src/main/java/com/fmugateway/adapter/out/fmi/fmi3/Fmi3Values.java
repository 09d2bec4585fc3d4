package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * fmi3Get and fmi3Set of one {@link Fmi3Instance}, for every value type. Each array holds every
 * element of the variables named, in order, so arrays and scalars mix freely; unsigned integers are
 * the bits of the signed Java type of the same width.
 */
public final class Fmi3Values {

  private final Fmi3Instance instance;

  Fmi3Values(Fmi3Instance instance) {
    this.instance = instance;
  }

  public float[] getFloat32(int[] vrs, int nValues) {
    float[] values = new float[nValues];
    instance.check(
        "fmi3GetFloat32",
        instance.lib().fmi3GetFloat32(instance.handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public double[] getFloat64(int[] vrs, int nValues) {
    double[] values = new double[nValues];
    getFloat64(vrs, values);
    return values;
  }

  /** The Float64 values of {@code vrs} into {@code into}, as many as it holds. */
  public void getFloat64(int[] vrs, double[] into) {
    instance.check(
        "fmi3GetFloat64",
        instance.lib().fmi3GetFloat64(instance.handle(), vrs, vrs.length, into, into.length));
  }

  public double getFloat64(int vr) {
    return getFloat64(new int[] {vr}, 1)[0];
  }

  public byte[] getInt8(int[] vrs, int nValues) {
    byte[] values = new byte[nValues];
    instance.check(
        "fmi3GetInt8",
        instance.lib().fmi3GetInt8(instance.handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public byte[] getUInt8(int[] vrs, int nValues) {
    byte[] values = new byte[nValues];
    instance.check(
        "fmi3GetUInt8",
        instance.lib().fmi3GetUInt8(instance.handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public short[] getInt16(int[] vrs, int nValues) {
    short[] values = new short[nValues];
    instance.check(
        "fmi3GetInt16",
        instance.lib().fmi3GetInt16(instance.handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public short[] getUInt16(int[] vrs, int nValues) {
    short[] values = new short[nValues];
    instance.check(
        "fmi3GetUInt16",
        instance.lib().fmi3GetUInt16(instance.handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public int[] getInt32(int[] vrs, int nValues) {
    int[] values = new int[nValues];
    instance.check(
        "fmi3GetInt32",
        instance.lib().fmi3GetInt32(instance.handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public int getInt32(int vr) {
    return getInt32(new int[] {vr}, 1)[0];
  }

  public int[] getUInt32(int[] vrs, int nValues) {
    int[] values = new int[nValues];
    instance.check(
        "fmi3GetUInt32",
        instance.lib().fmi3GetUInt32(instance.handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public long[] getInt64(int[] vrs, int nValues) {
    long[] values = new long[nValues];
    instance.check(
        "fmi3GetInt64",
        instance.lib().fmi3GetInt64(instance.handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public long[] getUInt64(int[] vrs, int nValues) {
    long[] values = new long[nValues];
    instance.check(
        "fmi3GetUInt64",
        instance.lib().fmi3GetUInt64(instance.handle(), vrs, vrs.length, values, nValues));
    return values;
  }

  public boolean[] getBoolean(int[] vrs, int nValues) {
    byte[] values = new byte[nValues];
    instance.check(
        "fmi3GetBoolean",
        instance.lib().fmi3GetBoolean(instance.handle(), vrs, vrs.length, values, nValues));
    return Fmi3Instance.booleans(values);
  }

  /** Strings as UTF-8; copied out at once, since the FMU's pointers expire with its next call. */
  public String[] getString(int[] vrs, int nValues) {
    Pointer[] values = new Pointer[nValues];
    instance.check(
        "fmi3GetString",
        instance.lib().fmi3GetString(instance.handle(), vrs, vrs.length, values, nValues));
    String[] strings = new String[nValues];
    for (int k = 0; k < nValues; k++) {
      strings[k] = values[k] == null ? null : values[k].getString(0, StandardCharsets.UTF_8.name());
    }
    return strings;
  }

  public byte[][] getBinary(int[] vrs, int nValues) {
    Pointer[] values = new Pointer[nValues];
    long[] sizes = new long[nValues];
    instance.check(
        "fmi3GetBinary",
        instance.lib().fmi3GetBinary(instance.handle(), vrs, vrs.length, sizes, values, nValues));
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
    instance.check(
        "fmi3SetFloat32",
        instance.lib().fmi3SetFloat32(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setFloat64(int[] vrs, double... values) {
    instance.check(
        "fmi3SetFloat64",
        instance.lib().fmi3SetFloat64(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setFloat64(int vr, double value) {
    setFloat64(new int[] {vr}, value);
  }

  public void setInt8(int[] vrs, byte... values) {
    instance.check(
        "fmi3SetInt8",
        instance.lib().fmi3SetInt8(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setUInt8(int[] vrs, byte... values) {
    instance.check(
        "fmi3SetUInt8",
        instance.lib().fmi3SetUInt8(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setInt16(int[] vrs, short... values) {
    instance.check(
        "fmi3SetInt16",
        instance.lib().fmi3SetInt16(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setUInt16(int[] vrs, short... values) {
    instance.check(
        "fmi3SetUInt16",
        instance.lib().fmi3SetUInt16(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setInt32(int[] vrs, int... values) {
    instance.check(
        "fmi3SetInt32",
        instance.lib().fmi3SetInt32(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setUInt32(int[] vrs, int... values) {
    instance.check(
        "fmi3SetUInt32",
        instance.lib().fmi3SetUInt32(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setInt64(int[] vrs, long... values) {
    instance.check(
        "fmi3SetInt64",
        instance.lib().fmi3SetInt64(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setUInt64(int[] vrs, long... values) {
    instance.check(
        "fmi3SetUInt64",
        instance.lib().fmi3SetUInt64(instance.handle(), vrs, vrs.length, values, values.length));
  }

  public void setBoolean(int[] vrs, boolean... values) {
    byte[] bytes = Fmi3Instance.bytes(values);
    instance.check(
        "fmi3SetBoolean",
        instance.lib().fmi3SetBoolean(instance.handle(), vrs, vrs.length, bytes, bytes.length));
  }

  /** Strings as UTF-8; C strings end at NUL, so a value containing one is refused here. */
  public void setString(int[] vrs, String... values) {
    for (String value : values) {
      if (value == null || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a String value must be non-null and NUL-free");
      }
    }
    instance.check(
        "fmi3SetString",
        instance.lib().fmi3SetString(instance.handle(), vrs, vrs.length, values, values.length));
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
    instance.check(
        "fmi3SetBinary",
        instance
            .lib()
            .fmi3SetBinary(instance.handle(), vrs, vrs.length, sizes, pointers, values.length));
    // The FMU copied the bytes during the call; only now may the buffers go.
    buffers.forEach(Memory::close);
  }
}
