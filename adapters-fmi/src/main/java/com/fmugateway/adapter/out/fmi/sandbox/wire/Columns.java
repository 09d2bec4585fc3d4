package com.fmugateway.adapter.out.fmi.sandbox.wire;

import com.fmugateway.domain.simulation.model.Column;

/** Result columns on the wire: a type tag, the name, then the values in one array. */
final class Columns {

  private static final byte REAL = 'D';
  private static final byte INTEGER = 'I';
  private static final byte BOOLEAN = 'Z';
  private static final byte TEXT = 'S';
  private static final byte WHOLE = 'J';
  private static final byte UNSIGNED = 'U';

  private Columns() {}

  static void write(WireOutput out, Column column) {
    if (column instanceof Column.Real real) {
      out.writeByte(REAL).writeString(real.name()).writeDoubles(real.values());
    } else if (column instanceof Column.Integer ints) {
      out.writeByte(INTEGER).writeString(ints.name()).writeInts(ints.values());
    } else if (column instanceof Column.Whole whole) {
      out.writeByte(whole.unsigned() ? UNSIGNED : WHOLE)
          .writeString(whole.name())
          .writeLongs(whole.values());
    } else if (column instanceof Column.Bool bools) {
      out.writeByte(BOOLEAN).writeString(bools.name()).writeBooleans(bools.values());
    } else {
      Column.Text text = (Column.Text) column;
      out.writeByte(TEXT).writeString(text.name()).writeStrings(text.values());
    }
  }

  static Column read(WireInput in) throws ProtocolException {
    byte tag = in.readByte();
    String name = in.readString();
    return switch (tag) {
      case REAL -> new Column.Real(name, in.readDoubles());
      case INTEGER -> new Column.Integer(name, in.readInts());
      case BOOLEAN -> new Column.Bool(name, in.readBooleans());
      case TEXT -> new Column.Text(name, in.readStrings());
      case WHOLE -> new Column.Whole(name, in.readLongs(), false);
      case UNSIGNED -> new Column.Whole(name, in.readLongs(), true);
      default -> throw new ProtocolException("unknown column type " + tag);
    };
  }
}
