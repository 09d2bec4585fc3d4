package com.fmugateway.adapter.out.fmi.engine;

/**
 * A model-exchange FMU as {@link ModelExchangeRunner} drives it, whichever FMI version it speaks:
 * the FMI calls of continuous-time and event mode, plus start values, inputs and output samples
 * written and read the version's own way. Failing calls throw. The array arguments are the
 * caller's, reused from step to step.
 */
interface MeModel extends InputFeeder.Sink {

  /** What fmi2/fmi3CompletedIntegratorStep asks of the master. */
  enum StepOutcome {
    CONTINUE,
    ENTER_EVENT_MODE,
    TERMINATE
  }

  /**
   * Start values and the inputs' values at the start time in, then through initialization mode; the
   * FMU is in event mode afterwards.
   */
  void initialize();

  /** The number of continuous states; known after {@link #initialize()}. */
  int states();

  /** The number of event indicators; known after {@link #initialize()}. */
  int indicators();

  void setTime(double t);

  void setStates(double[] x);

  void getStates(double[] x);

  void getDerivatives(double[] derivatives);

  /**
   * The {@code derivatives} at time {@code t} and states {@code x}; with {@code x} null, where the
   * FMU stands. What {@link #setTime}, {@link #setStates} and {@link #getDerivatives} do, where a
   * model can do it in one call.
   */
  default void derivativesAt(double t, double[] x, double[] derivatives) {
    placeAt(t, x);
    getDerivatives(derivatives);
  }

  void getIndicators(double[] indicators);

  /**
   * The outputs sampled at time {@code t} and states {@code x} (where the master samples between
   * steps); with {@code x} null, where the FMU stands. As {@link #derivativesAt}, for {@link
   * #recordOutputs}.
   */
  default void recordOutputsAt(double t, double[] x) {
    placeAt(t, x);
    recordOutputs(t);
  }

  /**
   * The event {@code indicators} at time {@code t} and states {@code x}; with {@code x} null, where
   * the FMU stands. As {@link #derivativesAt}, for {@link #getIndicators}.
   */
  default void indicatorsAt(double t, double[] x, double[] indicators) {
    placeAt(t, x);
    getIndicators(indicators);
  }

  /**
   * The FMU at time {@code t} and states {@code x} (none set without states); unless x is null.
   * What {@link #setTime} and {@link #setStates} do, where a version can do it in fewer calls.
   */
  default void placeAt(double t, double[] x) {
    if (x != null) {
      setTime(t);
      if (states() > 0) {
        setStates(x);
      }
    }
  }

  /**
   * True when {@link #getJacobian} can ask the FMU itself (directional derivatives); known after
   * {@link #initialize()}.
   */
  boolean providesJacobian();

  /** ∂ẋ/∂x at the FMU's current time and states, into {@code jacobian[i][j]}. */
  void getJacobian(double[][] jacobian);

  StepOutcome completedIntegratorStep();

  void enterEventMode();

  /** One iteration of the event iteration (fmi2NewDiscreteStates, fmi3UpdateDiscreteStates). */
  void updateDiscreteStates(EventUpdate into);

  void enterContinuousTimeMode();

  /** Reads every requested output now and files the values under the sample time {@code t}. */
  void recordOutputs(double t);

  /** What one event iteration reported; one instance is reused for the whole run. */
  final class EventUpdate {
    boolean discreteStatesNeedUpdate;
    boolean terminateSimulation;
    boolean nextEventTimeDefined;
    double nextEventTime;

    void set(boolean needUpdate, boolean terminate, boolean timeDefined, double nextEventTime) {
      this.discreteStatesNeedUpdate = needUpdate;
      this.terminateSimulation = terminate;
      this.nextEventTimeDefined = timeDefined;
      this.nextEventTime = nextEventTime;
    }
  }
}
