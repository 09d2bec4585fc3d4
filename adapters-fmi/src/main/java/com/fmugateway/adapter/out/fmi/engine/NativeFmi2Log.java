package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.fmi3.FmugwLibrary;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages of one FMI 2.0 instance that we instantiated ourselves ({@link #instantiate}), kept
 * in C by our own logger ({@code src/main/c/native/fmugw_fmi2.c}) until the run takes them into its
 * {@link FmuLog}. FMI4j's logger {@code printf}s each message for {@link NativeStdout} to parse
 * back, one call into Java per line: a fifth of a simple model's run. Ours formats the message in C
 * and nothing else; messages past 256 KB are counted, not kept, and the log says it was truncated.
 *
 * <p>Lines read as FMI4j's did ({@code [OK] logEvents: ...}, {@code ?} for a missing category), but
 * a message is no longer cut at 1,000 bytes: FMI4j's fixed buffer aborted the process on a longer
 * one. One thread at a time, as the instance; {@link #close} once the instance is freed.
 */
final class NativeFmi2Log implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NativeFmi2Log.class);
  private static final boolean AVAILABLE =
      FmugwLibrary.register(
          NativeFmi2Log.class, LOG, "FMU messages go through FMI4j's logger here");
  private static final String[] STATUS = {"OK", "Warning", "Discard", "Error", "Fatal", "Pending"};

  /** Instances made this way in this process, for tests that must know which way one was made. */
  private static final AtomicLong INSTANTIATIONS = new AtomicLong();

  private Pointer log;

  private NativeFmi2Log(Pointer log) {
    this.log = log;
  }

  static long instantiations() {
    return INSTANTIATIONS.get();
  }

  /** Whether the native library loaded in this process. */
  static boolean available() {
    return AVAILABLE;
  }

  /** A new, empty log; empty when the native library is not available here. */
  static Optional<NativeFmi2Log> create() {
    if (!AVAILABLE) {
      return Optional.empty();
    }
    Pointer log = fmugw_fmi2_log_new();
    return log == null ? Optional.empty() : Optional.of(new NativeFmi2Log(log));
  }

  /**
   * Calls the FMU's {@code fmi2Instantiate} ({@code instantiate}) with callbacks whose logger
   * writes here.
   *
   * @param type 0 for model exchange, 1 for co-simulation ({@code fmi2Type})
   * @return the component, 0 when the FMU refused
   */
  long instantiate(
      Pointer instantiate,
      String name,
      int type,
      String guid,
      String resources,
      boolean visible,
      boolean loggingOn) {
    INSTANTIATIONS.incrementAndGet();
    Pointer component =
        fmugw_fmi2_instantiate(
            instantiate, log, name, type, guid, resources, visible ? 1 : 0, loggingOn ? 1 : 0);
    return Pointer.nativeValue(component);
  }

  /** Moves the messages logged so far into {@code into}, in the order the FMU logged them. */
  void drainInto(FmuLog into) {
    int size = fmugw_fmi2_log_size(log);
    byte[] records = new byte[size];
    int dropped = fmugw_fmi2_log_take(log, records, size);
    int at = 0;
    while (at < size) {
      int status = records[at++];
      int categoryEnd = nul(records, at);
      int messageStart = Math.min(categoryEnd + 1, size);
      int messageEnd = nul(records, messageStart);
      into.add(
          status >= 0 && status < STATUS.length ? STATUS[status] : "Unknown",
          new String(records, at, categoryEnd - at, StandardCharsets.UTF_8),
          new String(records, messageStart, messageEnd - messageStart, StandardCharsets.UTF_8));
      at = messageEnd + 1;
    }
    if (dropped > 0) {
      into.truncate();
    }
  }

  /** Frees the log; its instance must be freed already. */
  @Override
  public void close() {
    if (log != null) {
      fmugw_fmi2_log_free(log);
      log = null;
    }
  }

  /** The index of the first NUL from {@code from}, or the array's end. */
  private static int nul(byte[] bytes, int from) {
    int at = from;
    while (at < bytes.length && bytes[at] != 0) {
      at++;
    }
    return at;
  }

  private static native Pointer fmugw_fmi2_log_new();

  private static native Pointer fmugw_fmi2_instantiate(
      Pointer instantiate,
      Pointer log,
      String name,
      int type,
      String guid,
      String resources,
      int visible,
      int loggingOn);

  private static native int fmugw_fmi2_log_size(Pointer log);

  private static native int fmugw_fmi2_log_take(Pointer log, byte[] out, int size);

  private static native void fmugw_fmi2_log_free(Pointer log);
}
