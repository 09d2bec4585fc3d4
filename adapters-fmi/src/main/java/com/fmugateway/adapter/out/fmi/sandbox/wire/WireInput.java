package com.fmugateway.adapter.out.fmi.sandbox.wire;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one message written by {@link WireOutput}. Every count is checked against the bytes left
 * before anything is allocated: a worker runs foreign native code, so its bytes are untrusted.
 */
final class WireInput {

  private final ByteBuffer buffer;

  WireInput(ByteBuffer buffer) {
    this.buffer = buffer;
  }

  byte readByte() throws ProtocolException {
    try {
      return buffer.get();
    } catch (BufferUnderflowException e) {
      throw truncated();
    }
  }

  boolean readBoolean() throws ProtocolException {
    byte value = readByte();
    if (value != 0 && value != 1) {
      throw new ProtocolException("not a boolean: " + value);
    }
    return value == 1;
  }

  int readInt() throws ProtocolException {
    need(Integer.BYTES);
    return buffer.getInt();
  }

  long readLong() throws ProtocolException {
    need(Long.BYTES);
    return buffer.getLong();
  }

  double readDouble() throws ProtocolException {
    need(Double.BYTES);
    return buffer.getDouble();
  }

  String readString() throws ProtocolException {
    int length = readCount(1);
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  List<String> readStrings() throws ProtocolException {
    // Each string costs at least its 4-byte length.
    int count = readCount(Integer.BYTES);
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(readString());
    }
    return values;
  }

  double[] readDoubles() throws ProtocolException {
    double[] values = new double[readCount(Double.BYTES)];
    buffer.asDoubleBuffer().get(values);
    buffer.position(buffer.position() + values.length * Double.BYTES);
    return values;
  }

  int[] readInts() throws ProtocolException {
    int[] values = new int[readCount(Integer.BYTES)];
    buffer.asIntBuffer().get(values);
    buffer.position(buffer.position() + values.length * Integer.BYTES);
    return values;
  }

  long[] readLongs() throws ProtocolException {
    long[] values = new long[readCount(Long.BYTES)];
    buffer.asLongBuffer().get(values);
    buffer.position(buffer.position() + values.length * Long.BYTES);
    return values;
  }

  boolean[] readBooleans() throws ProtocolException {
    boolean[] values = new boolean[readCount(1)];
    for (int i = 0; i < values.length; i++) {
      values[i] = readBoolean();
    }
    return values;
  }

  /** Fails unless the whole message has been read: trailing bytes mean the two sides disagree. */
  void end() throws ProtocolException {
    if (buffer.hasRemaining()) {
      throw new ProtocolException(buffer.remaining() + " unexpected bytes at the end of a message");
    }
  }

  /** A count of items of at least {@code itemBytes} each, which must fit in what is left. */
  int readCount(int itemBytes) throws ProtocolException {
    int count = readInt();
    if (count < 0 || (long) count * itemBytes > buffer.remaining()) {
      throw new ProtocolException(
          "a count of " + count + " does not fit in the " + buffer.remaining() + " bytes left");
    }
    return count;
  }

  private void need(int bytes) throws ProtocolException {
    if (buffer.remaining() < bytes) {
      throw truncated();
    }
  }

  private static ProtocolException truncated() {
    return new ProtocolException("message ends in the middle of a value");
  }
}
