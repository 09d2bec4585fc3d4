package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A process's memory as Linux reports it in {@code /proc/PID/status}. */
final class ProcStatus {

  private ProcStatus() {}

  /** Bytes of address space the process has mapped (its {@code VmSize}); 0 when unreadable. */
  static long mappedBytes(long pid) {
    try {
      return mappedBytes(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException e) {
      return 0;
    }
  }

  /** {@code VmSize} of a status file's lines ("VmSize: 1234 kB"), in bytes; 0 when absent. */
  static long mappedBytes(List<String> status) {
    for (String line : status) {
      if (line.startsWith("VmSize:")) {
        String[] fields = line.substring("VmSize:".length()).trim().split("\\s+");
        try {
          return Long.parseLong(fields[0]) * 1024;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }
}
