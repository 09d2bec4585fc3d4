package com.fmugateway.adapter.out.fmi.sandbox.worker;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A seccomp filter that keeps the worker JVM, and so the FMU it loads, from starting processes or
 * running programs, on every thread, for the rest of its life.
 *
 * <p>Why a filter and not a process limit: RLIMIT_NPROC counts threads, and the worker's JVM alone
 * has about twenty, so a limit low enough to matter would starve the JVM; a cgroup's pids
 * controller counts threads too. The filter tells a new process from a new thread by the clone
 * flags: {@code fork}, {@code vfork} and {@code clone} without {@code CLONE_THREAD} fail with
 * EAGAIN, as at a process limit; {@code execve} and {@code execveat} fail with EPERM. {@code
 * clone3} passes its flags in memory a filter cannot read, so it fails with ENOSYS, which makes
 * glibc fall back to {@code clone} for threads (container runtimes do the same). A foreign system
 * call ABI (32-bit calls, x32) is refused outright, so it cannot go around the numbers below.
 */
public final class ProcessFilter {

  private static final int EPERM = 1;
  private static final int EAGAIN = 11;
  private static final int ENOSYS = 38;

  private static final int PR_SET_NO_NEW_PRIVS = 38;
  private static final int SECCOMP_SET_MODE_FILTER = 1;
  private static final int SECCOMP_FILTER_FLAG_TSYNC = 1;
  private static final long CLONE_THREAD = 0x00010000L;

  private static final int RET_ALLOW = 0x7fff0000;
  private static final int RET_ERRNO = 0x00050000;

  // Classic BPF opcodes (linux/filter.h).
  private static final short LD_W_ABS = 0x20;
  private static final short JEQ_K = 0x15;
  private static final short JGE_K = 0x35;
  private static final short JSET_K = 0x45;
  private static final short RET_K = 0x06;

  // Offsets into struct seccomp_data; the low half of args[0] on a little-endian machine.
  private static final int NR = 0;
  private static final int ARCH = 4;
  private static final int ARG0_LOW = 16;

  /** System call numbers of one architecture; -1 where the call does not exist there. */
  public enum Arch {
    X86_64(0xC000003E, 317, 57, 58, 56, 435, 59, 322, 0x40000000),
    AARCH64(0xC00000B7, 277, -1, -1, 220, 435, 221, 281, -1);

    final int audit;
    final int seccomp;
    final int fork;
    final int vfork;
    final int clone;
    final int clone3;
    final int execve;
    final int execveat;

    /** Numbers from here up belong to another ABI on the same audit arch (x32); -1: none. */
    final int foreignFrom;

    Arch(
        int audit,
        int seccomp,
        int fork,
        int vfork,
        int clone,
        int clone3,
        int execve,
        int execveat,
        int foreignFrom) {
      this.audit = audit;
      this.seccomp = seccomp;
      this.fork = fork;
      this.vfork = vfork;
      this.clone = clone;
      this.clone3 = clone3;
      this.execve = execve;
      this.execveat = execveat;
      this.foreignFrom = foreignFrom;
    }

    /** The architecture the JVM runs on, as {@code os.arch} names it, if the filter knows it. */
    static Optional<Arch> of(String osArch) {
      String arch = osArch.toLowerCase(Locale.ROOT);
      if (arch.equals("amd64") || arch.equals("x86_64")) {
        return Optional.of(X86_64);
      }
      if (arch.equals("aarch64") || arch.equals("arm64")) {
        return Optional.of(AARCH64);
      }
      return Optional.empty();
    }
  }

  private ProcessFilter() {}

  /** Whether the filter can be installed on this JVM's architecture at all. */
  public static Optional<Arch> supported() {
    return Arch.of(System.getProperty("os.arch", ""));
  }

  /**
   * Installs the filter on every thread of this process.
   *
   * @throws IllegalStateException when the kernel refuses it
   */
  static void install(Arch arch) {
    List<int[]> program = program(arch);
    Memory filter = new Memory(8L * program.size());
    for (int i = 0; i < program.size(); i++) {
      int[] insn = program.get(i);
      filter.setShort(8L * i, (short) insn[0]);
      filter.setByte(8L * i + 2, (byte) insn[1]);
      filter.setByte(8L * i + 3, (byte) insn[2]);
      filter.setInt(8L * i + 4, insn[3]);
    }
    // struct sock_fprog: unsigned short len, then the pointer at its natural alignment.
    Memory fprog = new Memory(2L * Native.POINTER_SIZE);
    fprog.clear();
    fprog.setShort(0, (short) program.size());
    fprog.setPointer(Native.POINTER_SIZE, filter);

    NativeLibrary libc = NativeLibrary.getInstance("c");
    Function prctl = libc.getFunction("prctl");
    Function syscall = libc.getFunction("syscall");
    // Without it an unprivileged process may not install a filter; it also keeps setuid off.
    if (prctl.invokeInt(new Object[] {PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L}) != 0) {
      throw new IllegalStateException("prctl(PR_SET_NO_NEW_PRIVS) failed: " + errno());
    }
    // TSYNC: the JVM's threads (GC, compiler, ...) already run and must be filtered as well.
    long result =
        syscall.invokeLong(
            new Object[] {
              (long) arch.seccomp,
              (long) SECCOMP_SET_MODE_FILTER,
              (long) SECCOMP_FILTER_FLAG_TSYNC,
              (Pointer) fprog
            });
    if (result != 0) {
      throw new IllegalStateException(
          result > 0
              ? "seccomp could not synchronize thread " + result
              : "seccomp(SECCOMP_SET_MODE_FILTER) failed: " + errno());
    }
  }

  /** The program, one {code, jt, jf, k} per instruction. */
  static List<int[]> program(Arch arch) {
    List<int[]> p = new ArrayList<>();
    p.add(insn(LD_W_ABS, 0, 0, ARCH));
    p.add(insn(JEQ_K, 1, 0, arch.audit));
    p.add(insn(RET_K, 0, 0, RET_ERRNO | EPERM));
    p.add(insn(LD_W_ABS, 0, 0, NR));
    if (arch.foreignFrom >= 0) {
      p.add(insn(JGE_K, 0, 1, arch.foreignFrom));
      p.add(insn(RET_K, 0, 0, RET_ERRNO | EPERM));
    }
    refuse(p, arch.fork, EAGAIN);
    refuse(p, arch.vfork, EAGAIN);
    refuse(p, arch.clone3, ENOSYS);
    refuse(p, arch.execve, EPERM);
    refuse(p, arch.execveat, EPERM);
    // clone: a thread (CLONE_THREAD set) is allowed, anything else is a new process.
    p.add(insn(JEQ_K, 0, 3, arch.clone));
    p.add(insn(LD_W_ABS, 0, 0, ARG0_LOW));
    p.add(insn(JSET_K, 1, 0, (int) CLONE_THREAD));
    p.add(insn(RET_K, 0, 0, RET_ERRNO | EAGAIN));
    p.add(insn(RET_K, 0, 0, RET_ALLOW));
    return p;
  }

  private static void refuse(List<int[]> program, int nr, int errno) {
    if (nr >= 0) {
      program.add(insn(JEQ_K, 0, 1, nr));
      program.add(insn(RET_K, 0, 0, RET_ERRNO | errno));
    }
  }

  private static int[] insn(short code, int jt, int jf, int k) {
    return new int[] {code, jt, jf, k};
  }

  private static String errno() {
    return "errno " + Native.getLastError();
  }
}
