package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Pointer;

/**
 * JNA direct mapping of {@link Fmi3Library}: the template of the class {@link Fmi3DirectBinding}
 * defines once per loaded library and registers with that library's functions. A direct-mapped call
 * costs a fraction of an interface-mapped one (no proxy, no reflection, no argument boxing), and a
 * model-exchange run makes tens of thousands of them.
 *
 * <p>JNA cannot map arrays of Pointer or String directly; those few functions, and the ones called
 * once per instance with Strings and callbacks, go through the interface-mapped proxy of the same
 * library. Never registered itself: only its copies are, one per library, each in a class loader of
 * its own, since a class's native methods bind to one library only.
 */
public final class Fmi3DirectLibrary implements Fmi3Library {

  private final Fmi3Library interfaceMapped;

  /**
   * @param interfaceMapped the same library's proxy, for the functions mapped here in Java
   */
  public Fmi3DirectLibrary(Fmi3Library interfaceMapped) {
    this.interfaceMapped = interfaceMapped;
  }

  @Override
  public String fmi3GetVersion() {
    return interfaceMapped.fmi3GetVersion();
  }

  @Override
  public int fmi3SetDebugLogging(
      Pointer instance, byte loggingOn, long nCategories, String[] categories) {
    return interfaceMapped.fmi3SetDebugLogging(instance, loggingOn, nCategories, categories);
  }

  @Override
  public Pointer fmi3InstantiateModelExchange(
      String instanceName,
      String instantiationToken,
      String resourcePath,
      byte visible,
      byte loggingOn,
      Pointer instanceEnvironment,
      LogMessage logMessage) {
    return interfaceMapped.fmi3InstantiateModelExchange(
        instanceName,
        instantiationToken,
        resourcePath,
        visible,
        loggingOn,
        instanceEnvironment,
        logMessage);
  }

  @Override
  public Pointer fmi3InstantiateCoSimulation(
      String instanceName,
      String instantiationToken,
      String resourcePath,
      byte visible,
      byte loggingOn,
      byte eventModeUsed,
      byte earlyReturnAllowed,
      int[] requiredIntermediateVariables,
      long nRequiredIntermediateVariables,
      Pointer instanceEnvironment,
      LogMessage logMessage,
      IntermediateUpdate intermediateUpdate) {
    return interfaceMapped.fmi3InstantiateCoSimulation(
        instanceName,
        instantiationToken,
        resourcePath,
        visible,
        loggingOn,
        eventModeUsed,
        earlyReturnAllowed,
        requiredIntermediateVariables,
        nRequiredIntermediateVariables,
        instanceEnvironment,
        logMessage,
        intermediateUpdate);
  }

  @Override
  public Pointer fmi3InstantiateScheduledExecution(
      String instanceName,
      String instantiationToken,
      String resourcePath,
      byte visible,
      byte loggingOn,
      Pointer instanceEnvironment,
      LogMessage logMessage,
      ClockUpdate clockUpdate,
      Preemption lockPreemption,
      Preemption unlockPreemption) {
    return interfaceMapped.fmi3InstantiateScheduledExecution(
        instanceName,
        instantiationToken,
        resourcePath,
        visible,
        loggingOn,
        instanceEnvironment,
        logMessage,
        clockUpdate,
        lockPreemption,
        unlockPreemption);
  }

  @Override
  public int fmi3GetString(Pointer instance, int[] vrs, long nVrs, Pointer[] values, long nValues) {
    return interfaceMapped.fmi3GetString(instance, vrs, nVrs, values, nValues);
  }

  @Override
  public int fmi3GetBinary(
      Pointer instance, int[] vrs, long nVrs, long[] valueSizes, Pointer[] values, long nValues) {
    return interfaceMapped.fmi3GetBinary(instance, vrs, nVrs, valueSizes, values, nValues);
  }

  @Override
  public int fmi3SetString(Pointer instance, int[] vrs, long nVrs, String[] values, long nValues) {
    return interfaceMapped.fmi3SetString(instance, vrs, nVrs, values, nValues);
  }

  @Override
  public int fmi3SetBinary(
      Pointer instance, int[] vrs, long nVrs, long[] valueSizes, Pointer[] values, long nValues) {
    return interfaceMapped.fmi3SetBinary(instance, vrs, nVrs, valueSizes, values, nValues);
  }

  @Override
  public int fmi3GetFMUState(Pointer instance, Pointer[] state) {
    return interfaceMapped.fmi3GetFMUState(instance, state);
  }

  @Override
  public int fmi3FreeFMUState(Pointer instance, Pointer[] state) {
    return interfaceMapped.fmi3FreeFMUState(instance, state);
  }

  @Override
  public int fmi3DeserializeFMUState(
      Pointer instance, byte[] serializedState, long size, Pointer[] state) {
    return interfaceMapped.fmi3DeserializeFMUState(instance, serializedState, size, state);
  }

  @Override
  public native void fmi3FreeInstance(Pointer instance);

  @Override
  public native int fmi3EnterInitializationMode(
      Pointer instance,
      byte toleranceDefined,
      double tolerance,
      double startTime,
      byte stopTimeDefined,
      double stopTime);

  @Override
  public native int fmi3ExitInitializationMode(Pointer instance);

  @Override
  public native int fmi3EnterEventMode(Pointer instance);

  @Override
  public native int fmi3Terminate(Pointer instance);

  @Override
  public native int fmi3Reset(Pointer instance);

  @Override
  public native int fmi3GetFloat32(
      Pointer instance, int[] vrs, long nVrs, float[] values, long nValues);

  @Override
  public native int fmi3GetFloat64(
      Pointer instance, int[] vrs, long nVrs, double[] values, long nValues);

  @Override
  public native int fmi3GetInt8(
      Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  @Override
  public native int fmi3GetUInt8(
      Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  @Override
  public native int fmi3GetInt16(
      Pointer instance, int[] vrs, long nVrs, short[] values, long nValues);

  @Override
  public native int fmi3GetUInt16(
      Pointer instance, int[] vrs, long nVrs, short[] values, long nValues);

  @Override
  public native int fmi3GetInt32(
      Pointer instance, int[] vrs, long nVrs, int[] values, long nValues);

  @Override
  public native int fmi3GetUInt32(
      Pointer instance, int[] vrs, long nVrs, int[] values, long nValues);

  @Override
  public native int fmi3GetInt64(
      Pointer instance, int[] vrs, long nVrs, long[] values, long nValues);

  @Override
  public native int fmi3GetUInt64(
      Pointer instance, int[] vrs, long nVrs, long[] values, long nValues);

  @Override
  public native int fmi3GetBoolean(
      Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  @Override
  public native int fmi3GetClock(Pointer instance, int[] vrs, long nVrs, byte[] values);

  @Override
  public native int fmi3SetFloat32(
      Pointer instance, int[] vrs, long nVrs, float[] values, long nValues);

  @Override
  public native int fmi3SetFloat64(
      Pointer instance, int[] vrs, long nVrs, double[] values, long nValues);

  @Override
  public native int fmi3SetInt8(
      Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  @Override
  public native int fmi3SetUInt8(
      Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  @Override
  public native int fmi3SetInt16(
      Pointer instance, int[] vrs, long nVrs, short[] values, long nValues);

  @Override
  public native int fmi3SetUInt16(
      Pointer instance, int[] vrs, long nVrs, short[] values, long nValues);

  @Override
  public native int fmi3SetInt32(
      Pointer instance, int[] vrs, long nVrs, int[] values, long nValues);

  @Override
  public native int fmi3SetUInt32(
      Pointer instance, int[] vrs, long nVrs, int[] values, long nValues);

  @Override
  public native int fmi3SetInt64(
      Pointer instance, int[] vrs, long nVrs, long[] values, long nValues);

  @Override
  public native int fmi3SetUInt64(
      Pointer instance, int[] vrs, long nVrs, long[] values, long nValues);

  @Override
  public native int fmi3SetBoolean(
      Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  @Override
  public native int fmi3SetClock(Pointer instance, int[] vrs, long nVrs, byte[] values);

  @Override
  public native int fmi3GetNumberOfVariableDependencies(
      Pointer instance, int vr, long[] nDependencies);

  @Override
  public native int fmi3GetVariableDependencies(
      Pointer instance,
      int dependent,
      long[] elementIndicesOfDependent,
      int[] independents,
      long[] elementIndicesOfIndependents,
      int[] dependencyKinds,
      long nDependencies);

  @Override
  public native int fmi3SetFMUState(Pointer instance, Pointer state);

  @Override
  public native int fmi3SerializedFMUStateSize(Pointer instance, Pointer state, long[] size);

  @Override
  public native int fmi3SerializeFMUState(
      Pointer instance, Pointer state, byte[] serializedState, long size);

  @Override
  public native int fmi3GetDirectionalDerivative(
      Pointer instance,
      int[] unknowns,
      long nUnknowns,
      int[] knowns,
      long nKnowns,
      double[] seed,
      long nSeed,
      double[] sensitivity,
      long nSensitivity);

  @Override
  public native int fmi3GetAdjointDerivative(
      Pointer instance,
      int[] unknowns,
      long nUnknowns,
      int[] knowns,
      long nKnowns,
      double[] seed,
      long nSeed,
      double[] sensitivity,
      long nSensitivity);

  @Override
  public native int fmi3EnterConfigurationMode(Pointer instance);

  @Override
  public native int fmi3ExitConfigurationMode(Pointer instance);

  @Override
  public native int fmi3GetIntervalDecimal(
      Pointer instance, int[] vrs, long nVrs, double[] intervals, int[] qualifiers);

  @Override
  public native int fmi3GetIntervalFraction(
      Pointer instance,
      int[] vrs,
      long nVrs,
      long[] counters,
      long[] resolutions,
      int[] qualifiers);

  @Override
  public native int fmi3GetShiftDecimal(Pointer instance, int[] vrs, long nVrs, double[] shifts);

  @Override
  public native int fmi3GetShiftFraction(
      Pointer instance, int[] vrs, long nVrs, long[] counters, long[] resolutions);

  @Override
  public native int fmi3SetIntervalDecimal(
      Pointer instance, int[] vrs, long nVrs, double[] intervals);

  @Override
  public native int fmi3SetIntervalFraction(
      Pointer instance, int[] vrs, long nVrs, long[] counters, long[] resolutions);

  @Override
  public native int fmi3SetShiftDecimal(Pointer instance, int[] vrs, long nVrs, double[] shifts);

  @Override
  public native int fmi3SetShiftFraction(
      Pointer instance, int[] vrs, long nVrs, long[] counters, long[] resolutions);

  @Override
  public native int fmi3EvaluateDiscreteStates(Pointer instance);

  @Override
  public native int fmi3UpdateDiscreteStates(
      Pointer instance,
      byte[] discreteStatesNeedUpdate,
      byte[] terminateSimulation,
      byte[] nominalsOfContinuousStatesChanged,
      byte[] valuesOfContinuousStatesChanged,
      byte[] nextEventTimeDefined,
      double[] nextEventTime);

  @Override
  public native int fmi3EnterContinuousTimeMode(Pointer instance);

  @Override
  public native int fmi3CompletedIntegratorStep(
      Pointer instance,
      byte noSetFMUStatePriorToCurrentPoint,
      byte[] enterEventMode,
      byte[] terminateSimulation);

  @Override
  public native int fmi3SetTime(Pointer instance, double time);

  @Override
  public native int fmi3SetContinuousStates(Pointer instance, double[] states, long nStates);

  @Override
  public native int fmi3GetContinuousStateDerivatives(
      Pointer instance, double[] derivatives, long nStates);

  @Override
  public native int fmi3GetEventIndicators(Pointer instance, double[] indicators, long nIndicators);

  @Override
  public native int fmi3GetContinuousStates(Pointer instance, double[] states, long nStates);

  @Override
  public native int fmi3GetNominalsOfContinuousStates(
      Pointer instance, double[] nominals, long nStates);

  @Override
  public native int fmi3GetNumberOfEventIndicators(Pointer instance, long[] nIndicators);

  @Override
  public native int fmi3GetNumberOfContinuousStates(Pointer instance, long[] nStates);

  @Override
  public native int fmi3EnterStepMode(Pointer instance);

  @Override
  public native int fmi3GetOutputDerivatives(
      Pointer instance, int[] vrs, long nVrs, int[] orders, double[] values, long nValues);

  @Override
  public native int fmi3DoStep(
      Pointer instance,
      double currentCommunicationPoint,
      double communicationStepSize,
      byte noSetFMUStatePriorToCurrentPoint,
      byte[] eventHandlingNeeded,
      byte[] terminateSimulation,
      byte[] earlyReturn,
      double[] lastSuccessfulTime);

  @Override
  public native int fmi3ActivateModelPartition(
      Pointer instance, int clockReference, double activationTime);
}
