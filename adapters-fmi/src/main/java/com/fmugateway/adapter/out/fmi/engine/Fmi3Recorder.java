package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Values;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.ResultPart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples the requested outputs of an FMI 3.0 instance. An array output becomes one column per
 * element, named {@code y[1]}, {@code y[2]} … in row-major order; 64-bit integers stay exact;
 * floating-point samples are kept unboxed (the native loop's, {@link #sampleFloat64}, never boxed).
 * A scheduled execution run also records here when each output clock ticked.
 */
final class Fmi3Recorder {

  private final List<ModelVariable> outputs;
  private final List<List<Samples>> samples = new ArrayList<>();
  // Per Float64 output (else null): its value reference, and the array it is read into.
  private final int[][] refs;
  private final double[][] float64s;
  private final Map<String, List<Double>> clockEvents = new LinkedHashMap<>();
  private double[] time;
  private int size;
  private final SampleSink sink;
  private final int chunkSamples;
  private int timesSent;
  private long handedOver;

  /**
   * With a sink, full chunks are handed over as the run goes (see {@link SampleSink}).
   *
   * @param expectedSamples the samples a run that reaches its stop time makes (more or fewer grow
   *     or leave the arrays, as {@link OutputRecorder}'s)
   */
  Fmi3Recorder(List<ModelVariable> outputs, SampleSink sink, int expectedSamples) {
    this.outputs = List.copyOf(outputs);
    this.sink = sink;
    this.time =
        new double[Math.max(1, Math.min(expectedSamples, OutputRecorder.MAX_INITIAL_SAMPLES))];
    this.refs = new int[this.outputs.size()][];
    this.float64s = new double[this.outputs.size()][];
    for (int n = 0; n < refs.length; n++) {
      ModelVariable output = this.outputs.get(n);
      if (output.type() == VariableType.FLOAT64) {
        refs[n] = new int[] {Math.toIntExact(output.valueReference())};
        float64s[n] = new double[Fmi3Access.count(output)];
      }
    }
    int columns = 0;
    for (ModelVariable output : this.outputs) {
      List<Samples> elements = new ArrayList<>();
      for (int k = 0; k < Fmi3Access.count(output); k++) {
        elements.add(new Samples(output.type().isFloat(), time.length));
      }
      samples.add(elements);
      columns += elements.size();
    }
    this.chunkSamples = sink == null ? Integer.MAX_VALUE : sink.chunkSamples(columns);
  }

  void sample(Fmi3Values values, double t) {
    time(t);
    for (int n = 0; n < outputs.size(); n++) {
      List<Samples> elements = samples.get(n);
      if (float64s[n] != null) { // read into an array kept for it, nothing boxed
        values.getFloat64(refs[n], float64s[n]);
        for (int k = 0; k < float64s[n].length; k++) {
          elements.get(k).add(float64s[n][k]);
        }
        continue;
      }
      Object[] read = Fmi3Access.read(values, outputs.get(n));
      for (int k = 0; k < read.length; k++) {
        elements.get(k).add(read[k]);
      }
    }
    sampled();
  }

  /**
   * A sample of outputs that are all Float64 ({@link #float64References}): their values in order,
   * an array's elements in row-major order, from {@code offset}.
   */
  void sampleFloat64(double t, double[] values, int offset) {
    time(t);
    int i = offset;
    for (List<Samples> elements : samples) {
      for (Samples element : elements) {
        element.add(values[i++]);
      }
    }
    sampled();
  }

  /**
   * The outputs' value references when they are all Float64, scalars or arrays (one read gets them
   * all, {@link #sampleFloat64} takes it); else null.
   */
  int[] float64References() {
    int[] vrs = new int[outputs.size()];
    for (int n = 0; n < vrs.length; n++) {
      if (float64s[n] == null) {
        return null;
      }
      vrs[n] = refs[n][0];
    }
    return vrs;
  }

  /** The values one sample of {@link #float64References} holds. */
  int float64Values() {
    int values = 0;
    for (double[] output : float64s) {
      values += output == null ? 0 : output.length;
    }
    return values;
  }

  private void time(double t) {
    if (size == time.length) {
      time = Arrays.copyOf(time, size * 2);
    }
    time[size++] = t;
  }

  private void sampled() {
    if (size - timesSent >= chunkSamples) {
      handOver();
    }
  }

  private void handOver() {
    if (sink.rows()) {
      sink.accept(new ResultPart.Chunk(times(), columns()));
      handedOver += size;
      size = 0;
      samples.forEach(elements -> elements.forEach(Samples::clear));
    } else {
      sink.accept(new ResultPart.Chunk(Arrays.copyOfRange(time, timesSent, size), List.of()));
      timesSent = size;
    }
  }

  /** Lists output clock {@code clock} in the events, ticked or not. */
  void clock(String clock) {
    clockEvents.computeIfAbsent(clock, c -> new ArrayList<>());
  }

  /** Output clock {@code clock} ticked at {@code t}. */
  void tick(String clock, double t) {
    clockEvents.computeIfAbsent(clock, c -> new ArrayList<>()).add(t);
  }

  Map<String, List<Double>> clockEvents() {
    return clockEvents;
  }

  /** Samples taken so far, those handed over included. */
  long size() {
    return handedOver + size;
  }

  double[] times() {
    return Arrays.copyOf(time, size);
  }

  List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    for (int n = 0; n < outputs.size(); n++) {
      ModelVariable output = outputs.get(n);
      List<Samples> elements = samples.get(n);
      for (int k = 0; k < elements.size(); k++) {
        String name = output.isArray() ? output.name() + "[" + (k + 1) + "]" : output.name();
        columns.add(elements.get(k).column(name, output.type()));
      }
    }
    return columns;
  }

  /** One column's samples so far: unboxed for Float32 and Float64 outputs, else as read. */
  private static final class Samples {

    private final boolean floats;
    private double[] doubles;
    private final List<Object> objects;
    private int size;

    Samples(boolean floats, int capacity) {
      this.floats = floats;
      this.doubles = floats ? new double[capacity] : null;
      this.objects = floats ? null : new ArrayList<>();
    }

    void add(Object value) {
      if (floats) {
        add(((Double) value).doubleValue());
      } else {
        objects.add(value);
      }
    }

    void add(double value) {
      if (size == doubles.length) {
        doubles = Arrays.copyOf(doubles, size * 2);
      }
      doubles[size++] = value;
    }

    void clear() {
      size = 0;
      if (objects != null) {
        objects.clear();
      }
    }

    Column column(String name, VariableType type) {
      if (floats) {
        return new Column.Real(name, Arrays.copyOf(doubles, size));
      }
      List<Object> values = objects;
      int n = values.size();
      if (type == VariableType.BOOLEAN) {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) {
          b[i] = (Boolean) values.get(i);
        }
        return new Column.Bool(name, b);
      }
      if (type == VariableType.STRING || type == VariableType.BINARY) {
        return new Column.Text(name, values.stream().map(String.class::cast).toList());
      }
      if (type.bits() < 32 || type == VariableType.INT32) {
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
          k[i] = Math.toIntExact((Long) values.get(i));
        }
        return new Column.Integer(name, k);
      }
      long[] l = new long[n];
      for (int i = 0; i < n; i++) {
        l[i] = (Long) values.get(i);
      }
      return new Column.Whole(name, l, type == VariableType.UINT64);
    }
  }
}
