package com.fmugateway.adapter.in.http.experiment.parquet;

import java.io.ByteArrayOutputStream;
import java.util.BitSet;

/**
 * The definition levels of a flat optional column (1 = a value, 0 = null) in Parquet's RLE /
 * bit-packed hybrid at bit width 1: runs of eight or more equal levels as RLE runs, the rest
 * bit-packed in groups of eight. Padding only ever fills the last group.
 */
final class DefinitionLevels {

  private DefinitionLevels() {}

  /** The hybrid encoding of levels {@code 0 .. count-1} ({@code present} set = 1). */
  static byte[] encode(BitSet present, int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < count) {
      int run = runLength(present, i, count);
      if (run >= 8 || i + run == count) {
        varint(out, (long) run << 1);
        out.write(present.get(i) ? 1 : 0);
        i += run;
      } else {
        int start = i;
        int groups = 0;
        do {
          groups++;
          i += 8;
        } while (i < count && runLength(present, i, count) < 8);
        varint(out, ((long) groups << 1) | 1);
        for (int g = 0; g < groups; g++) {
          int packed = 0;
          for (int bit = 0; bit < 8; bit++) {
            int at = start + g * 8 + bit;
            if (at < count && present.get(at)) {
              packed |= 1 << bit;
            }
          }
          out.write(packed);
        }
        i = Math.min(i, count);
      }
    }
    return out.toByteArray();
  }

  private static int runLength(BitSet present, int from, int count) {
    int end = present.get(from) ? present.nextClearBit(from) : present.nextSetBit(from);
    return (end < 0 || end > count ? count : end) - from;
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
