package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Provenance;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/**
 * A case's full result as compact binary: doubles as IEEE 754 bits, so NaN and infinities survive
 * exactly (JSON could not hold them). Versioned by its first byte: version 2 adds 64-bit whole
 * columns ({@code W}) and, after everything version 1 holds, the clock events of a scheduled
 * execution run; version 3 then the names of the array outputs. Older versions still read, without
 * what came later.
 */
final class CaseReportCodec {

  private static final int VERSION = 3;
  private static final int FIRST_VERSION = 1;

  private CaseReportCodec() {}

  static byte[] write(SimulationReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(report.runId().toString());
      out.writeUTF(report.fmuId().value());
      SimulationResult result = report.result();
      doubles(out, result.time());
      out.writeInt(result.columns().size());
      for (Column column : result.columns()) {
        out.writeUTF(column.name());
        if (column instanceof Column.Real real) {
          out.writeByte('R');
          doubles(out, real.values());
        } else if (column instanceof Column.Integer ints) {
          out.writeByte('I');
          out.writeInt(ints.values().length);
          for (int v : ints.values()) {
            out.writeInt(v);
          }
        } else if (column instanceof Column.Whole whole) {
          // FMI 3.0 64-bit integers, exact; a UInt64 as its bits.
          out.writeByte(whole.unsigned() ? 'U' : 'W');
          out.writeInt(whole.values().length);
          for (long v : whole.values()) {
            out.writeLong(v);
          }
        } else if (column instanceof Column.Bool bools) {
          out.writeByte('B');
          out.writeInt(bools.values().length);
          for (boolean v : bools.values()) {
            out.writeBoolean(v);
          }
        } else {
          List<String> texts = ((Column.Text) column).values();
          out.writeByte('T');
          out.writeInt(texts.size());
          for (String v : texts) {
            text(out, v);
          }
        }
      }
      out.writeLong(result.steps());
      out.writeLong(result.events());
      out.writeLong(result.cpuTime().toNanos());
      out.writeInt(result.fmuLog().size());
      for (String line : result.fmuLog()) {
        text(out, line);
      }
      out.writeInt(report.kpis().size());
      for (Map.Entry<String, Double> kpi : report.kpis().entrySet()) {
        out.writeUTF(kpi.getKey());
        out.writeDouble(kpi.getValue() == null ? Double.NaN : kpi.getValue());
      }
      Provenance p = report.provenance();
      out.writeUTF(p.fmuSha256().hex());
      out.writeUTF(p.fmiVersion());
      out.writeUTF(p.fmuInterface().code());
      out.writeBoolean(p.solver().isPresent());
      if (p.solver().isPresent()) {
        Solver s = p.solver().get();
        out.writeUTF(s.kind().code());
        out.writeDouble(s.rtol());
        out.writeDouble(s.atol());
        out.writeDouble(s.maxStep().orElse(Double.NaN));
      }
      out.writeUTF(p.gatewayVersion());
      out.writeLong(p.wallTime().toNanos());
      out.writeLong(p.cpuTime().toNanos());
      out.writeLong(p.steps());
      out.writeLong(p.events());
      out.writeLong(report.quotedCredits());
      out.writeLong(report.costCredits());
      out.writeInt(result.clockEvents().size());
      for (Map.Entry<String, List<Double>> clock : result.clockEvents().entrySet()) {
        out.writeUTF(clock.getKey());
        out.writeInt(clock.getValue().size());
        for (double t : clock.getValue()) {
          out.writeDouble(t);
        }
      }
      out.writeInt(result.arrays().size());
      for (String array : result.arrays()) {
        out.writeUTF(array);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static SimulationReport read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readByte();
      if (version < FIRST_VERSION || version > VERSION) {
        throw new IllegalStateException("unknown case result version " + version);
      }
      UUID runId = UUID.fromString(in.readUTF());
      FmuId fmuId = new FmuId(in.readUTF());
      double[] time = doubles(in);
      int columnCount = in.readInt();
      List<Column> columns = new ArrayList<>(columnCount);
      for (int c = 0; c < columnCount; c++) {
        String name = in.readUTF();
        char kind = (char) in.readByte();
        if (kind == 'R') {
          columns.add(new Column.Real(name, doubles(in)));
        } else if (kind == 'I') {
          int[] values = new int[in.readInt()];
          for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
          }
          columns.add(new Column.Integer(name, values));
        } else if (kind == 'W' || kind == 'U') {
          long[] values = new long[in.readInt()];
          for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
          }
          columns.add(new Column.Whole(name, values, kind == 'U'));
        } else if (kind == 'B') {
          boolean[] values = new boolean[in.readInt()];
          for (int i = 0; i < values.length; i++) {
            values[i] = in.readBoolean();
          }
          columns.add(new Column.Bool(name, values));
        } else {
          int n = in.readInt();
          List<String> values = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            values.add(text(in));
          }
          columns.add(new Column.Text(name, values));
        }
      }
      long steps = in.readLong();
      long events = in.readLong();
      Duration cpu = Duration.ofNanos(in.readLong());
      int logLines = in.readInt();
      List<String> log = new ArrayList<>(logLines);
      for (int i = 0; i < logLines; i++) {
        log.add(text(in));
      }
      int kpiCount = in.readInt();
      Map<String, Double> kpis = new LinkedHashMap<>();
      for (int i = 0; i < kpiCount; i++) {
        kpis.put(in.readUTF(), in.readDouble());
      }
      Sha256 sha = new Sha256(in.readUTF());
      String fmiVersion = in.readUTF();
      FmuInterface used = FmuInterface.fromCode(in.readUTF()).orElseThrow();
      Optional<Solver> solver = Optional.empty();
      if (in.readBoolean()) {
        SolverKind kind = SolverKind.fromCode(in.readUTF()).orElseThrow();
        double rtol = in.readDouble();
        double atol = in.readDouble();
        double maxStep = in.readDouble();
        solver =
            Optional.of(
                new Solver(
                    kind,
                    rtol,
                    atol,
                    Double.isNaN(maxStep) ? OptionalDouble.empty() : OptionalDouble.of(maxStep)));
      }
      Provenance provenance =
          new Provenance(
              sha,
              fmiVersion,
              used,
              solver,
              in.readUTF(),
              Duration.ofNanos(in.readLong()),
              Duration.ofNanos(in.readLong()),
              in.readLong(),
              in.readLong(),
              Optional.empty());
      long quoted = in.readLong();
      long cost = in.readLong();
      Map<String, List<Double>> clockEvents = new LinkedHashMap<>();
      if (version >= 2) {
        int clocks = in.readInt();
        for (int c = 0; c < clocks; c++) {
          String clock = in.readUTF();
          List<Double> times = new ArrayList<>();
          for (int n = in.readInt(); n > 0; n--) {
            times.add(in.readDouble());
          }
          clockEvents.put(clock, times);
        }
      }
      Set<String> arrays = new LinkedHashSet<>();
      if (version >= 3) {
        for (int n = in.readInt(); n > 0; n--) {
          arrays.add(in.readUTF());
        }
      }
      SimulationResult result =
          new SimulationResult(
              time, columns, steps, events, cpu, log, clockEvents, Optional.empty(), arrays);
      return new SimulationReport(
          runId, fmuId, result, kpis, provenance, quoted, cost, Optional.empty(), Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void doubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  private static double[] doubles(DataInputStream in) throws IOException {
    double[] values = new double[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  /** Strings of any length (writeUTF stops at 64 KiB). */
  private static void text(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String text(DataInputStream in) throws IOException {
    byte[] utf8 = in.readNBytes(in.readInt());
    return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
  }
}
