package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.ResultPart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;

/**
 * Samples the requested outputs, one FMI get call per variable type and sample. Arrays start at the
 * samples the run expects, up to {@link #MAX_INITIAL_SAMPLES}, and grow from there, so a long run
 * that ends early (timeout, terminateSimulation) holds little more than what it made. With a {@link
 * SampleSink}, full chunks are handed over as the run goes (see there); {@link #times()} and {@link
 * #columns()} then hold what was not handed over.
 */
final class OutputRecorder {

  static final int MAX_INITIAL_SAMPLES = 4096;

  private final List<ModelVariable> outputs;
  private final TypedRefs refs;
  private double[] time;
  private final double[][] reals;
  private final int[][] integers;
  private final boolean[][] booleans;
  private final List<List<String>> strings = new ArrayList<>();
  private final SampleSink sink;
  private final int chunkSamples;
  private int size;
  private int timesSent;

  /**
   * @param expectedSamples the samples a run that reaches its stop time makes
   */
  OutputRecorder(List<ModelVariable> outputs, SampleSink sink, int expectedSamples) {
    this.time = new double[Math.max(1, Math.min(expectedSamples, MAX_INITIAL_SAMPLES))];
    this.outputs = List.copyOf(outputs);
    this.sink = sink;
    this.chunkSamples = sink == null ? Integer.MAX_VALUE : sink.chunkSamples(this.outputs.size());
    this.refs = TypedRefs.of(this.outputs);
    reals = new double[refs.reals().length][time.length];
    integers = new int[refs.integers().length][time.length];
    booleans = new boolean[refs.booleans().length][time.length];
    for (int k = 0; k < refs.strings().length; k++) {
      strings.add(new ArrayList<>());
    }
  }

  /** Reads every output now and files the values under the sample time {@code t}. */
  void sample(AbstractModelInstance<?, ?> instance, double t) {
    if (size == time.length) {
      grow();
    }
    time[size] = t;
    double[] r = new double[refs.reals().length];
    int[] i = new int[refs.integers().length];
    boolean[] b = new boolean[refs.booleans().length];
    String[] s = new String[refs.strings().length];
    if (r.length > 0) {
      FmiCalls.check(instance.readReal(refs.reals(), r), "fmi2GetReal", t);
    }
    if (i.length > 0) {
      FmiCalls.check(instance.readInteger(refs.integers(), i), "fmi2GetInteger", t);
    }
    if (b.length > 0) {
      FmiCalls.check(instance.readBoolean(refs.booleans(), b), "fmi2GetBoolean", t);
    }
    if (s.length > 0) {
      FmiCalls.check(instance.readString(refs.strings(), s), "fmi2GetString", t);
    }
    for (int k = 0; k < r.length; k++) {
      reals[k][size] = r[k];
    }
    for (int k = 0; k < i.length; k++) {
      integers[k][size] = i[k];
    }
    for (int k = 0; k < b.length; k++) {
      booleans[k][size] = b[k];
    }
    for (int k = 0; k < s.length; k++) {
      strings.get(k).add(s[k]);
    }
    size++;
    if (size - timesSent >= chunkSamples) {
      handOver();
    }
  }

  /**
   * The value references of the outputs when all of them are reals, in the order {@link
   * #sampleReals} takes their values; empty otherwise. As 32-bit ints, which {@code
   * fmi2ValueReference} is (unsigned).
   */
  Optional<int[]> realsOnly() {
    if (refs.integers().length + refs.booleans().length + refs.strings().length > 0) {
      return Optional.empty();
    }
    int[] vrs = new int[refs.reals().length];
    for (int k = 0; k < vrs.length; k++) {
      vrs[k] = (int) refs.reals()[k];
    }
    return Optional.of(vrs);
  }

  /**
   * As {@link #sample}, the reals read already: {@code values[offset ...]}, see {@link #realsOnly}.
   */
  void sampleReals(double t, double[] values, int offset) {
    if (size == time.length) {
      grow();
    }
    time[size] = t;
    for (int k = 0; k < reals.length; k++) {
      reals[k][size] = values[offset + k];
    }
    size++;
    if (size - timesSent >= chunkSamples) {
      handOver();
    }
  }

  private void handOver() {
    if (sink.rows()) {
      sink.accept(new ResultPart.Chunk(times(), columns()));
      size = 0;
      strings.forEach(List::clear);
    } else {
      sink.accept(new ResultPart.Chunk(Arrays.copyOfRange(time, timesSent, size), List.of()));
      timesSent = size;
    }
  }

  double[] times() {
    return Arrays.copyOf(time, size);
  }

  /** The columns in the order the outputs were requested. */
  List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    for (int n = 0; n < outputs.size(); n++) {
      String name = outputs.get(n).name();
      int k = refs.indexInType()[n];
      columns.add(
          switch (refs.kindOf(n)) {
            case REAL -> new Column.Real(name, Arrays.copyOf(reals[k], size));
            case INTEGER -> new Column.Integer(name, Arrays.copyOf(integers[k], size));
            case BOOLEAN -> new Column.Bool(name, Arrays.copyOf(booleans[k], size));
            case STRING -> new Column.Text(name, strings.get(k));
          });
    }
    return columns;
  }

  private void grow() {
    int capacity = Math.max(16, time.length * 2);
    time = Arrays.copyOf(time, capacity);
    for (int k = 0; k < reals.length; k++) {
      reals[k] = Arrays.copyOf(reals[k], capacity);
    }
    for (int k = 0; k < integers.length; k++) {
      integers[k] = Arrays.copyOf(integers[k], capacity);
    }
    for (int k = 0; k < booleans.length; k++) {
      booleans[k] = Arrays.copyOf(booleans[k], capacity);
    }
  }
}
