package com.fmugateway.adapter.out.fmi.sandbox.worker;

import com.fmugateway.adapter.out.fmi.archive.ArchiveLimits;
import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.adapter.out.fmi.engine.SimulationEngine;
import com.fmugateway.adapter.out.fmi.sandbox.wire.Frames;
import com.fmugateway.adapter.out.fmi.sandbox.wire.RunRequest;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WireCodec;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WireOutput;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of a sandboxed worker JVM: connects to the gateway's Unix socket and runs the
 * simulations it sends, one at a time, until the gateway hangs up.
 *
 * <p>Results go over the socket, never stdout or stderr: the FMU's native code may write to file
 * descriptors 1 and 2 at will.
 */
public final class WorkerMain {

  /** Requests are small; anything larger means the gateway end is not what it claims to be. */
  private static final int MAX_REQUEST_BYTES = 256 << 20;

  private final SimulationEngine engine = new SimulationEngine();

  /**
   * The gateway checked the description's size at upload, under limits the operator may have raised
   * since; the worker's own heap limit is what bounds it here.
   */
  private final FmuArchiveInspector inspector =
      new FmuArchiveInspector(
          ArchiveLimits.defaults().withDescription(Long.MAX_VALUE, Integer.MAX_VALUE));

  private final Map<String, ModelDescription> descriptions = new HashMap<>();

  private WorkerMain() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: WorkerMain <gateway socket>");
      System.exit(2);
    }
    filterProcesses();
    int status = 0;
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(args[0]))) {
      new WorkerMain().serve(channel);
    } catch (IOException | RuntimeException e) {
      System.err.println("fmu worker: " + e);
      status = 1;
    }
    // FMI4j and JNA may leave threads behind; the worker's life ends with the connection.
    System.exit(status);
  }

  /**
   * Before any FMU is loaded: an FMU has no business starting processes. On an architecture the
   * filter does not know the worker runs without it (the gateway warns at start-up); where it
   * should work but the kernel refuses it, the worker does not run FMUs at all.
   */
  private static void filterProcesses() {
    Optional<ProcessFilter.Arch> arch = ProcessFilter.supported();
    if (arch.isEmpty()) {
      System.err.println("fmu worker: no process filter for " + System.getProperty("os.arch"));
      return;
    }
    try {
      ProcessFilter.install(arch.get());
    } catch (RuntimeException | LinkageError e) {
      System.err.println("fmu worker: cannot forbid FMUs to start processes: " + e);
      System.exit(3);
    }
  }

  private void serve(SocketChannel channel) throws IOException {
    Frames.write(channel, WireCodec.hello());
    while (true) {
      ByteBuffer request;
      try {
        request = Frames.read(channel, MAX_REQUEST_BYTES);
      } catch (EOFException e) {
        return;
      }
      Frames.write(channel, run(WireCodec.decodeRequest(request)));
    }
  }

  private WireOutput run(RunRequest request) {
    try {
      // A worker serves one archive all its life, so its description is read once.
      ModelDescription description =
          descriptions.computeIfAbsent(
              request.archive(), path -> inspector.inspectNow(Path.of(path)).description());
      return WireCodec.encodeCompleted(
          engine.run(Path.of(request.archive()), description, request.toPlan(description)));
    } catch (SimulationFailedException e) {
      return WireCodec.encodeFailed(e.failureCause(), e.getMessage(), e.fmuLog());
    } catch (RuntimeException | StackOverflowError e) {
      return WireCodec.encodeFailed(
          Cause.CRASHED, "the simulator failed unexpectedly: " + e, List.of());
    }
  }
}
