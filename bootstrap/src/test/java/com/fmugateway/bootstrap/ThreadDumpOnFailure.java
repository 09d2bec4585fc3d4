package com.fmugateway.bootstrap;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;

/**
 * When a gateway test fails, writes every thread's stack to {@code
 * target/failsafe-reports/<class>.<method>-threads.txt}: a request that never answers shows where
 * it waits. A failing {@code @BeforeEach} method counts too. It costs nothing when tests pass.
 */
final class ThreadDumpOnFailure
    implements BeforeEachCallback,
        AfterTestExecutionCallback,
        AfterEachCallback,
        LifecycleMethodExecutionExceptionHandler {

  private static final Path REPORTS = Path.of("target", "failsafe-reports");

  /**
   * A test still running this long may be waiting on a request that never answers ({@code
   * -Dfmugw.test.stalled-after=PT1S} to try the dump itself).
   */
  private static final Duration STALLED =
      Duration.parse(System.getProperty("fmugw.test.stalled-after", "PT45S"));

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "test-stall-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ThreadDumpOnFailure.class);

  /**
   * Also while a test runs: 45 s in, every thread's stack goes to {@code
   * <class>.<method>-threads-while-running.txt}, while a stalled request still waits (the dump on
   * failure comes after the client gave up). Long tests leave one too; it is only read when one
   * fails.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    ScheduledFuture<?> watch =
        WATCHDOG.schedule(
            () -> {
              try {
                write(context, "-threads-while-running.txt");
              } catch (IOException e) {
                // Diagnostics only: the test's own outcome is what counts.
              }
            },
            STALLED.toMillis(),
            TimeUnit.MILLISECONDS);
    context.getStore(NAMESPACE).put("watch", watch);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ScheduledFuture<?> watch = context.getStore(NAMESPACE).remove("watch", ScheduledFuture.class);
    if (watch != null) {
      watch.cancel(false);
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    if (context.getExecutionException().isPresent()) {
      dump(context);
    }
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    dump(context);
    throw failure;
  }

  private static void dump(ExtensionContext context) throws IOException {
    write(context, "-threads.txt");
  }

  private static void write(ExtensionContext context, String suffix) throws IOException {
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
                + suffix),
        dump);
  }
}
