package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Native;
import org.slf4j.Logger;

/**
 * The engine's own native library ({@code libfmugw_fmi2}, built from {@code src/main/c/native}):
 * the classes that call it through JNA direct mapping register their native methods here.
 */
public final class FmugwLibrary {

  private static final String NAME = "fmugw_fmi2";

  private FmugwLibrary() {}

  /**
   * Binds {@code natives}' native methods to the library; false where it or one of their symbols is
   * missing (a library built before them), logged to {@code log} with what happens instead.
   */
  public static boolean register(Class<?> natives, Logger log, String otherwise) {
    try {
      Native.register(natives, NAME);
      return true;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      log.info("{}: {}", otherwise, e.toString());
      return false;
    }
  }
}
