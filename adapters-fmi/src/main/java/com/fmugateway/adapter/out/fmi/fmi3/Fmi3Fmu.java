package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared library of one unpacked FMI 3.0 FMU, loaded through a JNA NativeLibrary of its own and
 * called through JNA direct mapping where the library has every function ({@link
 * Fmi3DirectBinding}); closing it frees the instances still open, then unloads the library.
 */
public final class Fmi3Fmu implements AutoCloseable {

  /** The platform folder FMI 3.0 names for the only platform the gateway runs. */
  public static final String PLATFORM = "x86_64-linux";

  // RTLD_NOW | RTLD_LOCAL (2 | 0): JNA's default adds RTLD_GLOBAL on Linux, which would let one
  // FMU's fmi3 symbols stand in for another's. Missing symbols fail at load, not mid-run.
  private static final int OPEN_FLAGS = 2;

  private final Path directory;
  private final NativeLibrary nativeLibrary;
  private final Fmi3Library library;
  private final Optional<Fmi3DirectBinding> direct;
  private final Set<Fmi3Instance> open = Collections.newSetFromMap(new IdentityHashMap<>());
  // Read on every FMI call, so not behind the lock that close() takes.
  private volatile boolean closed;

  private Fmi3Fmu(
      Path directory,
      NativeLibrary nativeLibrary,
      Fmi3Library interfaceMapped,
      Optional<Fmi3DirectBinding> direct) {
    this.directory = directory;
    this.nativeLibrary = nativeLibrary;
    this.direct = direct;
    this.library = direct.map(Fmi3DirectBinding::library).orElse(interfaceMapped);
  }

  /**
   * Loads {@code binaries/x86_64-linux/<modelIdentifier>.so} from an unpacked FMU.
   *
   * @throws IllegalArgumentException when the FMU has no such binary
   * @throws UnsatisfiedLinkError when it cannot be loaded (wrong platform, missing symbols)
   */
  public static Fmi3Fmu load(Path unpackedFmu, String modelIdentifier) {
    if (!modelIdentifier.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      // The identifier becomes a file name, so it must not be able to walk out of the folder.
      throw new IllegalArgumentException("not a valid modelIdentifier: " + modelIdentifier);
    }
    Path directory = unpackedFmu.toAbsolutePath().normalize();
    Path binary = directory.resolve("binaries").resolve(PLATFORM).resolve(modelIdentifier + ".so");
    if (!Files.isRegularFile(binary)) {
      throw new IllegalArgumentException("the FMU has no " + PLATFORM + " binary " + binary);
    }
    Map<String, Object> options =
        Map.of(
            Library.OPTION_OPEN_FLAGS,
            OPEN_FLAGS,
            Library.OPTION_STRING_ENCODING,
            StandardCharsets.UTF_8.name());
    Fmi3Library library = Native.load(binary.toString(), Fmi3Library.class, options);
    // The proxy's own NativeLibrary: closing it is what unloads the code the proxy calls.
    NativeLibrary nativeLibrary =
        ((Library.Handler) Proxy.getInvocationHandler(library)).getNativeLibrary();
    try {
      return new Fmi3Fmu(
          directory, nativeLibrary, library, Fmi3DirectBinding.bind(nativeLibrary, library));
    } catch (RuntimeException | Error e) {
      nativeLibrary.close();
      throw e;
    }
  }

  /** The loaded library itself, for native code that calls its functions (Fmi3NativeSteps). */
  NativeLibrary nativeLibrary() {
    if (closed) {
      throw new IllegalStateException("the FMU's library is closed");
    }
    return nativeLibrary;
  }

  /** The raw binding, for calls {@link Fmi3Instance} does not wrap; refused once closed. */
  public Fmi3Library library() {
    if (closed) {
      // An interface-mapped call would still jump into the unloaded code and crash the JVM.
      throw new IllegalStateException("the FMU's library is closed");
    }
    return library;
  }

  /** What {@code fmi3GetVersion} says, "3.0" for an FMI 3.0 binary. */
  public String version() {
    return library().fmi3GetVersion();
  }

  /** The FMU's resources folder, as FMI 3.0 passes it: an absolute path ending in a slash. */
  public String resourcePath() {
    return directory.resolve("resources") + "/";
  }

  synchronized void opened(Fmi3Instance instance) {
    open.add(instance);
  }

  synchronized void closed(Fmi3Instance instance) {
    open.remove(instance);
  }

  /** Frees the instances still open, then unloads the library; safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    // An instance left open would call into unmapped code on its next call or its free.
    new ArrayList<>(open).forEach(Fmi3Instance::close);
    closed = true;
    try {
      direct.ifPresent(Fmi3DirectBinding::release);
    } finally {
      nativeLibrary.close();
    }
  }
}
