package com.fmugateway.adapter.out.fmi.sandbox.worker;

import com.fmugateway.adapter.out.fmi.archive.ArchiveLimits;
import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.adapter.out.fmi.engine.SampleSink;
import com.fmugateway.adapter.out.fmi.engine.SimulationEngine;
import com.fmugateway.adapter.out.fmi.sandbox.wire.Frames;
import com.fmugateway.adapter.out.fmi.sandbox.wire.RunRequest;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WireCodec;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

  /**
   * Bytes of numbers per result message. Small: the gateway holds a few messages per run, and the
   * HTTP server queues up to 256 encoded chunks for a slow client (about 20 MB at this size).
   */
  private static final int CHUNK_BYTES = 32 << 10;

  /**
   * Its archives (its FMU and a spare's warm-up FMU) are each copied in once, before their first
   * run, and bound read-only: they never change under their path.
   */
  private final SimulationEngine engine = SimulationEngine.forFixedArchives();

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
      run(WireCodec.decodeOrder(request), channel);
    }
  }

  /**
   * Runs one request and sends its answer: chunks of samples in the layout asked for while the run
   * goes on (each a message of at most about {@link #CHUNK_BYTES} of numbers), the rest once it is
   * done, then its end; or its failure, possibly after chunks.
   */
  private void run(WireCodec.Order order, SocketChannel channel) throws IOException {
    RunRequest request = order.request();
    ChannelSink sink = new ChannelSink(channel, order.layout() == ResultLayout.ROWS);
    List<ResultPart> rest;
    try {
      // A worker serves one archive all its life, so its description is read once.
      ModelDescription description =
          descriptions.computeIfAbsent(
              request.archive(), path -> inspector.inspectNow(Path.of(path)).description());
      SimulationPlan plan = request.toPlan(description);
      SimulationResult result = engine.run(Path.of(request.archive()), description, plan, sink);
      Set<String> arrays = new HashSet<>();
      plan.outputs().stream().filter(ModelVariable::isArray).forEach(v -> arrays.add(v.name()));
      rest =
          ResultPart.split(
              result,
              order.layout(),
              arrays,
              sink.chunkSamples(result.columns().size()),
              sink.timesSent);
    } catch (SimulationFailedException e) {
      sink.rethrowIfBroken();
      Frames.write(channel, WireCodec.encodeFailed(e.failureCause(), e.getMessage(), e.fmuLog()));
      return;
    } catch (RuntimeException | StackOverflowError e) {
      sink.rethrowIfBroken();
      Frames.write(
          channel,
          WireCodec.encodeFailed(
              Cause.CRASHED, "the simulator failed unexpectedly: " + e, List.of()));
      return;
    }
    for (ResultPart part : rest) {
      Frames.write(
          channel,
          part instanceof ResultPart.Chunk chunk
              ? WireCodec.encodeChunk(chunk)
              : WireCodec.encodeCompleted((ResultPart.End) part));
    }
  }

  /** Sends the engine's chunks to the gateway as the run makes them. */
  private static final class ChannelSink implements SampleSink {

    private final SocketChannel channel;
    private final boolean rows;
    private int timesSent;
    private IOException broken;

    ChannelSink(SocketChannel channel, boolean rows) {
      this.channel = channel;
      this.rows = rows;
    }

    @Override
    public int chunkBytes() {
      return CHUNK_BYTES;
    }

    @Override
    public boolean rows() {
      return rows;
    }

    @Override
    public void accept(ResultPart.Chunk chunk) {
      try {
        Frames.write(channel, WireCodec.encodeChunk(chunk));
      } catch (IOException e) {
        broken = e;
        throw new UncheckedIOException(e);
      }
      if (!rows) {
        timesSent += chunk.time().length;
      }
    }

    /** The gateway went away mid-run: nothing more to say to it. */
    void rethrowIfBroken() throws IOException {
      if (broken != null) {
        throw broken;
      }
    }
  }
}
