package com.fmugateway.adapter.out.fmi.sandbox.wire;

import com.fmugateway.adapter.out.fmi.sandbox.wire.RunRequest.NamedValue;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.SolverStatistics;
import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The messages between gateway and worker. The worker says hello once it is connected; then each
 * run request, which names the {@link ResultLayout} it wants, is answered by chunks of samples in
 * that layout and then one end, or by a failure (possibly after chunks). Enums travel by name, so
 * both sides fail loudly rather than misread a value if they ever disagree.
 */
public final class WireCodec {

  private static final int MAGIC = 0x464d5557; // "FMUW"
  private static final int VERSION = 5;
  private static final byte RUN = 'R';
  private static final byte COMPLETED = 'C';
  private static final byte CHUNK = 'K';
  private static final byte FAILED = 'F';

  private WireCodec() {}

  public static WireOutput hello() {
    return new WireOutput().writeInt(MAGIC).writeInt(VERSION);
  }

  public static void checkHello(ByteBuffer message) throws ProtocolException {
    WireInput in = new WireInput(message);
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new ProtocolException("the worker does not speak protocol version " + VERSION);
    }
    in.end();
  }

  /** A run request and the order its result's samples are to come in. */
  public record Order(RunRequest request, ResultLayout layout) {}

  public static WireOutput encodeRequest(RunRequest request) {
    return encodeRequest(request, ResultLayout.ROWS);
  }

  public static WireOutput encodeRequest(RunRequest request, ResultLayout layout) {
    WireOutput out = new WireOutput().writeByte(RUN).writeString(request.archive());
    out.writeString(request.fmuInterface().name())
        .writeDouble(request.startTime())
        .writeDouble(request.stopTime())
        .writeDouble(request.outputInterval());
    out.writeInt(request.startValues().size());
    for (NamedValue start : request.startValues()) {
      out.writeString(start.name());
      StartValues.write(out, start.value());
    }
    out.writeInt(request.inputs().size());
    for (InputSignal input : request.inputs()) {
      out.writeString(input.name()).writeString(input.interpolation().name());
      out.writeDoubles(input.time()).writeInt(input.values().size());
      // Tagged like start values, so a 64-bit integer or an array sample crosses exactly.
      input.values().forEach(value -> StartValues.write(out, value));
    }
    out.writeStrings(request.outputs());
    Solver solver = request.solver();
    out.writeString(solver.kind().name()).writeDouble(solver.rtol()).writeDouble(solver.atol());
    out.writeBoolean(solver.maxStep().isPresent()).writeDouble(solver.maxStep().orElse(0));
    out.writeLong(request.timeout().toNanos());
    return writeTimes(out, request.clockTicks()).writeString(layout.name());
  }

  public static RunRequest decodeRequest(ByteBuffer message) throws ProtocolException {
    return decodeOrder(message).request();
  }

  public static Order decodeOrder(ByteBuffer message) throws ProtocolException {
    WireInput in = new WireInput(message);
    expect(in, RUN);
    String archive = in.readString();
    FmuInterface fmuInterface = named(FmuInterface.class, in.readString());
    double start = in.readDouble();
    double stop = in.readDouble();
    double interval = in.readDouble();
    List<NamedValue> starts = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      starts.add(new NamedValue(in.readString(), StartValues.read(in)));
    }
    List<InputSignal> inputs = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      String name = in.readString();
      Interpolation interpolation = named(Interpolation.class, in.readString());
      double[] time = in.readDoubles();
      // Each value is at least a tag and one byte.
      int count = in.readCount(2);
      List<Object> values = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        values.add(StartValues.read(in));
      }
      try {
        inputs.add(new InputSignal(name, time, values, interpolation));
      } catch (InvalidInputException e) {
        throw new ProtocolException("input signal " + name + ": " + e.getMessage());
      }
    }
    List<String> outputs = in.readStrings();
    SolverKind kind = named(SolverKind.class, in.readString());
    double rtol = in.readDouble();
    double atol = in.readDouble();
    boolean hasMaxStep = in.readBoolean();
    double maxStep = in.readDouble();
    Solver solver =
        new Solver(
            kind, rtol, atol, hasMaxStep ? OptionalDouble.of(maxStep) : OptionalDouble.empty());
    Duration timeout = Duration.ofNanos(in.readLong());
    Map<String, List<Double>> clockTicks = readTimes(in);
    ResultLayout layout = named(ResultLayout.class, in.readString());
    in.end();
    RunRequest request =
        new RunRequest(
            archive,
            fmuInterface,
            start,
            stop,
            interval,
            starts,
            inputs,
            outputs,
            solver,
            timeout,
            clockTicks);
    return new Order(request, layout);
  }

  /** Samples of a run, one of several messages before its end. */
  public static WireOutput encodeChunk(ResultPart.Chunk chunk) {
    WireOutput out = new WireOutput().writeByte(CHUNK).writeDoubles(chunk.time());
    out.writeInt(chunk.columns().size());
    for (Column column : chunk.columns()) {
      Columns.write(out, column);
    }
    return out;
  }

  /** The end of a run that succeeded, after all its chunks. */
  public static WireOutput encodeCompleted(ResultPart.End end) {
    WireOutput out = new WireOutput().writeByte(COMPLETED);
    out.writeLong(end.steps()).writeLong(end.events()).writeLong(end.cpuTime().toNanos());
    out.writeStrings(end.fmuLog());
    writeTimes(out, end.clockEvents());
    return writeStatistics(out, end.solverStatistics());
  }

  private static WireOutput writeStatistics(WireOutput out, Optional<SolverStatistics> statistics) {
    out.writeBoolean(statistics.isPresent());
    statistics.ifPresent(
        s ->
            out.writeLong(s.derivativeEvaluations())
                .writeString(s.jacobian().map(JacobianSource::name).orElse(""))
                .writeLong(s.jacobianEvaluations()));
    return out;
  }

  private static Optional<SolverStatistics> readStatistics(WireInput in) throws ProtocolException {
    if (!in.readBoolean()) {
      return Optional.empty();
    }
    long evaluations = in.readLong();
    String source = in.readString();
    Optional<JacobianSource> jacobian =
        source.isEmpty() ? Optional.empty() : Optional.of(named(JacobianSource.class, source));
    return Optional.of(new SolverStatistics(evaluations, jacobian, in.readLong()));
  }

  public static WireOutput encodeFailed(Cause cause, String message, List<String> fmuLog) {
    return new WireOutput()
        .writeByte(FAILED)
        .writeString(cause.name())
        .writeString(message == null ? "" : message)
        .writeStrings(fmuLog);
  }

  public static WorkerResponse decodeResponse(ByteBuffer message) throws ProtocolException {
    WireInput in = new WireInput(message);
    byte kind = in.readByte();
    WorkerResponse response;
    if (kind == FAILED) {
      response =
          new WorkerResponse.Failed(
              named(Cause.class, in.readString()), in.readString(), in.readStrings());
    } else if (kind == CHUNK) {
      response = new WorkerResponse.Samples(decodeChunk(in));
    } else if (kind == COMPLETED) {
      response = new WorkerResponse.Completed(decodeEnd(in));
    } else {
      throw new ProtocolException("unknown response kind " + kind);
    }
    in.end();
    return response;
  }

  private static ResultPart.Chunk decodeChunk(WireInput in) throws ProtocolException {
    double[] time = in.readDoubles();
    List<Column> columns = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      columns.add(Columns.read(in));
    }
    try {
      return new ResultPart.Chunk(time, columns);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("inconsistent chunk: " + e.getMessage());
    }
  }

  private static ResultPart.End decodeEnd(WireInput in) throws ProtocolException {
    long steps = in.readLong();
    long events = in.readLong();
    Duration cpu = Duration.ofNanos(in.readLong());
    List<String> log = in.readStrings();
    Map<String, List<Double>> clockEvents = readTimes(in);
    return new ResultPart.End(steps, events, cpu, log, clockEvents, readStatistics(in));
  }

  /** Lists of times by clock name: clock ticks asked for, or clock events that happened. */
  private static WireOutput writeTimes(WireOutput out, Map<String, List<Double>> times) {
    out.writeInt(times.size());
    times.forEach(
        (clock, list) ->
            out.writeString(clock)
                .writeDoubles(list.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  private static Map<String, List<Double>> readTimes(WireInput in) throws ProtocolException {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    // Each entry costs at least its name's length and its list's count.
    for (int i = in.readCount(2 * Integer.BYTES); i > 0; i--) {
      times.put(in.readString(), Arrays.stream(in.readDoubles()).boxed().toList());
    }
    return times;
  }

  private static void expect(WireInput in, byte kind) throws ProtocolException {
    byte actual = in.readByte();
    if (actual != kind) {
      throw new ProtocolException("expected message kind " + kind + ", got " + actual);
    }
  }

  static <E extends Enum<E>> E named(Class<E> type, String name) throws ProtocolException {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("no " + type.getSimpleName() + " named " + name);
    }
  }
}
