package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;

/**
 * Feeds the plan's input signals to the FMU. Each value is already typed for its input (see {@link
 * InputSignal}): a 64-bit integer is a Long, an array input's value a list. A value is only written
 * when it differs from the last one written.
 */
final class InputFeeder {

  /** Where an input's value goes: an FMI set call of the FMU's version. */
  @FunctionalInterface
  interface Sink {
    void write(ModelVariable variable, Object value, double t);
  }

  private final List<Feed> feeds = new ArrayList<>();

  InputFeeder(ModelDescription description, List<InputSignal> signals) {
    for (InputSignal signal : signals) {
      ModelVariable variable =
          description
              .variable(signal.name())
              .orElseThrow(() -> mismatch("has no variable named " + signal.name()));
      boolean continuous =
          variable.type().isFloat() && variable.variability() == Variability.CONTINUOUS;
      feeds.add(new Feed(variable, signal, continuous));
    }
  }

  /** Whether the run has no input signals. */
  boolean isEmpty() {
    return feeds.isEmpty();
  }

  /**
   * Every input at its value at {@code t}: before initialization, at co-simulation communication
   * points, and in model-exchange event mode.
   */
  void applyAll(AbstractModelInstance<?, ?> fmu, double t) {
    applyAll(fmi2(fmu), t);
  }

  void applyAll(Sink sink, double t) {
    for (Feed feed : feeds) {
      feed.write(sink, feed.signal.valueAt(t), t);
    }
  }

  /** Whether a discrete input takes a new value at {@code t}, which needs FMI event mode. */
  boolean discreteChangeAt(double t) {
    return feeds.stream()
        .anyMatch(f -> !f.continuous && !f.signal.valueAt(t).equals(f.lastWritten));
  }

  /**
   * Continuous inputs during model-exchange integration: a held signal keeps its value from the
   * start of the segment (at the segment's end {@code valueAt} would already give the next one), a
   * linear signal follows the line.
   */
  void applyContinuous(Sink sink, double t, double segmentStart) {
    for (Feed feed : feeds) {
      if (feed.continuous) {
        boolean held = feed.signal.interpolation() == Interpolation.HOLD;
        feed.write(sink, feed.signal.valueAt(held ? segmentStart : t), t);
      }
    }
  }

  /** The first signal sample time strictly between {@code from} and {@code to}, else {@code to}. */
  double nextBreakpoint(double from, double to) {
    double next = to;
    for (Feed feed : feeds) {
      double[] times = feed.signal.time();
      int found = Arrays.binarySearch(times, from);
      int after = found >= 0 ? found + 1 : -found - 1;
      if (after < times.length && times[after] < next) {
        next = times[after];
      }
    }
    return next;
  }

  /** FMI 2.0 set calls through FMI4j. */
  static Sink fmi2(AbstractModelInstance<?, ?> fmu) {
    return (variable, value, t) -> VariableWriter.write(fmu, variable, value, t);
  }

  private static SimulationFailedException mismatch(String what) {
    return new SimulationFailedException(Cause.MODEL_ERROR, "the FMU " + what, List.of());
  }

  private static final class Feed {
    private final ModelVariable variable;
    private final InputSignal signal;
    private final boolean continuous;
    private Object lastWritten;

    Feed(ModelVariable variable, InputSignal signal, boolean continuous) {
      this.variable = variable;
      this.signal = signal;
      this.continuous = continuous;
    }

    void write(Sink sink, Object value, double t) {
      if (value.equals(lastWritten)) {
        return;
      }
      sink.write(variable, value, t);
      lastWritten = value;
    }
  }
}
