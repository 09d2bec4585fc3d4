package com.fmugateway.bootstrap;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When a gateway test fails, writes every thread's stack to {@code
 * target/failsafe-reports/<class>.<method>-threads.txt}: a request that never answers shows where
 * it waits. It costs nothing when tests pass.
 */
final class ThreadDumpOnFailure implements AfterTestExecutionCallback {

  private static final Path REPORTS = Path.of("target", "failsafe-reports");

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    if (context.getExecutionException().isEmpty()) {
      return;
    }
    StringBuilder dump = new StringBuilder();
    for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
      if (thread.getLockName() != null) {
        dump.append(" on ").append(thread.getLockName());
      }
      dump.append('\n');
      for (StackTraceElement frame : thread.getStackTrace()) {
        dump.append("    at ").append(frame).append('\n');
      }
      dump.append('\n');
    }
    Files.createDirectories(REPORTS);
    Files.writeString(
        REPORTS.resolve(
            context.getRequiredTestClass().getName()
                + "."
                + context.getRequiredTestMethod().getName()
                + "-threads.txt"),
        dump);
  }
}
