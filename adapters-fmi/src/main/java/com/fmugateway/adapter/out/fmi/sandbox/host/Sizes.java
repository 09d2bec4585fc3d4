package com.fmugateway.adapter.out.fmi.sandbox.host;

/** Byte counts for messages: {@code 512 MiB}, {@code 64 KiB}, {@code 1000 bytes}. */
final class Sizes {

  private Sizes() {}

  static String format(long bytes) {
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }
}
