package com.fmugateway.adapter.out.fmi.sandbox.wire;

/** Start values on the wire: a type tag, then the value. */
final class StartValues {

  private static final byte REAL = 'D';
  private static final byte INTEGER = 'I';
  private static final byte BOOLEAN = 'Z';
  private static final byte STRING = 'S';

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
    } else {
      throw new IllegalArgumentException("a start value cannot be a " + value.getClass());
    }
  }

  static Object read(WireInput in) throws ProtocolException {
    byte tag = in.readByte();
    return switch (tag) {
      case REAL -> in.readDouble();
      case INTEGER -> in.readInt();
      case BOOLEAN -> in.readBoolean();
      case STRING -> in.readString();
      default -> throw new ProtocolException("unknown start value type " + tag);
    };
  }
}
