package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own native library ({@code libfmugw_fmi2}, built from {@code src/main/c/native}):
 * the classes that call it through JNA direct mapping register their native methods here, and the
 * classes with JNI entry points in it ({@code Fmi2Jni}, {@link Fmi3Jni}) have it loaded here.
 */
public final class FmugwLibrary {

  private static final Logger LOG = LoggerFactory.getLogger(FmugwLibrary.class);
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

  /**
   * Whether the library is loaded for JNI, so that the JVM links the native methods of classes of
   * this class loader to its JNI entry points (each class still checks that its own are there).
   * Loaded once, on first use.
   */
  public static boolean loadedForJni() {
    return Jni.LOADED;
  }

  /** The library as JNI loads it, once. */
  private static final class Jni {
    private static final boolean LOADED = load();

    /**
     * Found as JNA finds it (a file on the class path, or extracted from the jar into JNA's
     * temporary folder, deleted again once loaded) and loaded through {@link System#load}.
     */
    private static boolean load() {
      try {
        ClassLoader loader = FmugwLibrary.class.getClassLoader();
        URL resource =
            loader.getResource(Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName(NAME));
        File file = Native.extractFromResourcePath(NAME, loader);
        try {
          System.load(file.getAbsolutePath());
        } finally {
          if (resource == null || !"file".equals(resource.getProtocol())) {
            Files.deleteIfExists(file.toPath()); // extracted from the jar, and mapped already
          }
        }
        return true;
      } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
        LOG.info("the engine's native library cannot be loaded for JNI here: {}", e.toString());
        return false;
      }
    }
  }
}
