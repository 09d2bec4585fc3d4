package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a child process (SIGSTOP) and waits until it has stopped, which the JDK's process API
 * cannot do; through libc, bound with JNA. A stopped process starts no new process, so what it has
 * started can be listed completely before it is killed. Linux on x86-64 and AArch64, where SIGSTOP
 * is 19. Where libc cannot be bound, {@link #stop} returns false and nothing happens.
 */
final class ChildStop {

  private static final Logger LOG = LoggerFactory.getLogger(ChildStop.class);

  private static final int SIGSTOP = 19;
  private static final int P_PID = 1;
  private static final int WSTOPPED = 2;
  private static final int WEXITED = 4;
  private static final int WNOWAIT = 0x0100_0000;
  private static final int EINTR = 4;
  private static final int SIGINFO_BYTES = 128;

  private static final boolean BOUND = bind();

  private ChildStop() {}

  /**
   * Stops {@code child} and returns once it has stopped or exited, without reaping it: the JDK
   * still sees its exit. False if it could not be stopped (it was reaped already, or libc is not
   * bound here). Like the JDK's own {@link Process#destroyForcibly()}, it signals a child it has
   * not seen reaped, and relies on the kernel not reusing the pid in between.
   */
  static boolean stop(Process child) {
    if (!BOUND || !child.isAlive()) {
      return false;
    }
    int pid = Math.toIntExact(child.pid());
    if (kill(pid, SIGSTOP) != 0) {
      return false;
    }
    Memory info = new Memory(SIGINFO_BYTES);
    while (true) {
      try {
        waitid(P_PID, pid, info, WSTOPPED | WEXITED | WNOWAIT);
        return true;
      } catch (LastErrorException e) {
        if (e.getErrorCode() != EINTR) {
          return false;
        }
      }
    }
  }

  private static boolean bind() {
    try {
      Native.register(ChildStop.class, "c");
      return true;
    } catch (RuntimeException | LinkageError e) {
      LOG.warn(
          "Cannot bind libc's kill and waitid; a worker killed while starting may leave a process behind ({})",
          e.toString());
      return false;
    }
  }

  private static native int kill(int pid, int signal);

  private static native int waitid(int idType, int id, Pointer info, int options)
      throws LastErrorException;
}
