package com.fmugateway.adapter.out.fmi.sandbox.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A growing big-endian message buffer. Arrays go in with bulk copies, because a result can hold
 * millions of samples.
 */
public final class WireOutput {

  private static final int MAX_SIZE = Integer.MAX_VALUE - 16;

  private ByteBuffer buffer = ByteBuffer.allocate(256);

  WireOutput writeByte(int value) {
    ensure(1).put((byte) value);
    return this;
  }

  WireOutput writeBoolean(boolean value) {
    return writeByte(value ? 1 : 0);
  }

  WireOutput writeInt(int value) {
    ensure(Integer.BYTES).putInt(value);
    return this;
  }

  WireOutput writeLong(long value) {
    ensure(Long.BYTES).putLong(value);
    return this;
  }

  WireOutput writeDouble(double value) {
    ensure(Double.BYTES).putDouble(value);
    return this;
  }

  /** Length in bytes, then UTF-8: unlike {@code writeUTF}, no 64 KiB limit. */
  WireOutput writeString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeInt(bytes.length);
    ensure(bytes.length).put(bytes);
    return this;
  }

  WireOutput writeStrings(List<String> values) {
    writeInt(values.size());
    values.forEach(this::writeString);
    return this;
  }

  WireOutput writeDoubles(double[] values) {
    writeInt(values.length);
    ByteBuffer target = ensure((long) values.length * Double.BYTES);
    target.asDoubleBuffer().put(values);
    target.position(target.position() + values.length * Double.BYTES);
    return this;
  }

  WireOutput writeInts(int[] values) {
    writeInt(values.length);
    ByteBuffer target = ensure((long) values.length * Integer.BYTES);
    target.asIntBuffer().put(values);
    target.position(target.position() + values.length * Integer.BYTES);
    return this;
  }

  WireOutput writeLongs(long[] values) {
    writeInt(values.length);
    ByteBuffer target = ensure((long) values.length * Long.BYTES);
    target.asLongBuffer().put(values);
    target.position(target.position() + values.length * Long.BYTES);
    return this;
  }

  WireOutput writeBooleans(boolean[] values) {
    writeInt(values.length);
    ByteBuffer target = ensure(values.length);
    for (boolean value : values) {
      target.put((byte) (value ? 1 : 0));
    }
    return this;
  }

  /** The message written so far, ready to be sent. */
  ByteBuffer contents() {
    return buffer.duplicate().flip();
  }

  private ByteBuffer ensure(long more) {
    long needed = buffer.position() + more;
    if (needed > MAX_SIZE) {
      throw new IllegalStateException("message larger than " + MAX_SIZE + " bytes");
    }
    if (needed > buffer.capacity()) {
      long grown = Math.max(needed, Math.min(MAX_SIZE, 2L * buffer.capacity()));
      ByteBuffer larger = ByteBuffer.allocate((int) grown);
      larger.put(buffer.flip());
      buffer = larger;
    }
    return buffer;
  }
}
