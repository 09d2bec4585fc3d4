package com.fmugateway.adapter.out.fmi.sandbox.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed values on the wire, start values and input signal samples alike: a type tag, then the value
 * (an array: its count, then each tagged).
 */
final class StartValues {

  private static final byte REAL = 'D';
  private static final byte INTEGER = 'I';
  private static final byte BOOLEAN = 'Z';
  private static final byte STRING = 'S';
  private static final byte LONG = 'J';
  private static final byte ARRAY = 'A';
  private static final int MAX_ELEMENTS = 1 << 20;

  private StartValues() {}

  static void write(WireOutput out, Object value) {
    if (value instanceof Double d) {
      out.writeByte(REAL).writeDouble(d);
    } else if (value instanceof Integer i) {
      out.writeByte(INTEGER).writeInt(i);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN).writeBoolean(b);
    } else if (value instanceof String s) {
      out.writeByte(STRING).writeString(s);
    } else if (value instanceof Long l) {
      out.writeByte(LONG).writeLong(l);
    } else if (value instanceof List<?> list) {
      out.writeByte(ARRAY).writeInt(list.size());
      list.forEach(element -> write(out, element));
    } else {
      throw new IllegalArgumentException("a typed value cannot be a " + value.getClass());
    }
  }

  static Object read(WireInput in) throws ProtocolException {
    byte tag = in.readByte();
    return switch (tag) {
      case REAL -> in.readDouble();
      case INTEGER -> in.readInt();
      case BOOLEAN -> in.readBoolean();
      case STRING -> in.readString();
      case LONG -> in.readLong();
      case ARRAY -> readArray(in);
      default -> throw new ProtocolException("unknown start value type " + tag);
    };
  }

  private static List<Object> readArray(WireInput in) throws ProtocolException {
    int count = in.readInt();
    if (count < 0 || count > MAX_ELEMENTS) {
      throw new ProtocolException("a start value array of " + count + " elements");
    }
    List<Object> elements = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Object element = read(in);
      if (element instanceof List) {
        throw new ProtocolException("a start value array inside an array");
      }
      elements.add(element);
    }
    return List.copyOf(elements);
  }
}
