package com.fmugateway.adapter.out.fmi.engine;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points C's {@code stdout} at a Java callback: the only way to see the FMU log messages that
 * FMI4j's native bridge prints (see {@link FmuLogRouter}).
 *
 * <p>Only the C stream is replaced, through glibc's {@code fopencookie}; file descriptor 1, and
 * with it {@code System.out} and the application's own logging, stays as it was. The new stream is
 * line buffered, so a message has been routed before the FMI call that logged it returns. Where
 * this cannot be done (not glibc, no JNA native support) runs still work, without FMU messages.
 */
final class NativeStdout {

  private static final Logger LOG = LoggerFactory.getLogger(NativeStdout.class);
  private static final int LINE_BUFFERED = 1; // glibc's _IOLBF
  private static final FileOutputStream ORIGINAL = new FileOutputStream(FileDescriptor.out);
  private static final FmuLogRouter ROUTER = new FmuLogRouter(NativeStdout::passThrough);

  // Native code keeps these for the life of the process, so they must never be collected.
  private static final WriteFunction WRITE = NativeStdout::write;
  private static CookieFunctions.ByValue functions;
  private static boolean attempted;

  private NativeStdout() {}

  /** The process-wide router, redirecting C's stdout on first use. */
  static synchronized FmuLogRouter router() {
    if (!attempted) {
      attempted = true;
      redirect();
    }
    return ROUTER;
  }

  private static void redirect() {
    try {
      CLibrary c = Native.load("c", CLibrary.class);
      functions = new CookieFunctions.ByValue();
      functions.write = WRITE;
      Pointer stream = c.fopencookie(Pointer.NULL, "w", functions);
      if (stream == null || c.setvbuf(stream, Pointer.NULL, LINE_BUFFERED, 0) != 0) {
        throw new IllegalStateException("fopencookie or setvbuf failed");
      }
      Pointer stdout = NativeLibrary.getProcess().getGlobalVariableAddress("stdout");
      c.fflush(stdout.getPointer(0));
      stdout.setPointer(0, stream);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("FMU log messages will not be captured: C stdout cannot be redirected ({})", e);
    }
  }

  private static long write(Pointer cookie, Pointer buffer, long size) {
    try {
      ROUTER.accept(buffer.getByteArray(0, Math.toIntExact(size)));
    } catch (RuntimeException | Error e) {
      // An exception must not unwind into C; losing a message is the lesser harm.
    }
    return size;
  }

  private static void passThrough(byte[] bytes) {
    try {
      synchronized (ORIGINAL) {
        ORIGINAL.write(bytes);
      }
    } catch (IOException e) {
      // Nowhere left to report it: stdout itself is gone.
    }
  }

  /** The few libc functions needed. */
  public interface CLibrary extends Library {
    Pointer fopencookie(Pointer cookie, String mode, CookieFunctions.ByValue functions);

    int setvbuf(Pointer stream, Pointer buffer, int mode, long size);

    int fflush(Pointer stream);
  }

  /** {@code ssize_t write(void *cookie, const char *buffer, size_t size)}. */
  public interface WriteFunction extends Callback {
    long invoke(Pointer cookie, Pointer buffer, long size);
  }

  /** glibc's {@code cookie_io_functions_t}; a NULL function means "not supported". */
  @Structure.FieldOrder({"read", "write", "seek", "close"})
  public static class CookieFunctions extends Structure {
    public Pointer read;
    public WriteFunction write;
    public Pointer seek;
    public Pointer close;

    /** Passed by value, as {@code fopencookie} declares it. */
    public static class ByValue extends CookieFunctions implements Structure.ByValue {}
  }
}
