package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * JNA binding of the FMI 3.0 C API (fmi3Functions.h), one method per function, raw C types.
 *
 * <p>Mapping for x86_64 Linux: {@code fmi3Boolean} and {@code fmi3Clock} (C {@code bool}, one byte)
 * as {@code byte}, because JNA's {@code boolean} is four bytes and would misread arrays; {@code
 * size_t} as {@code long}; value references ({@code uint32_t}) as {@code int}; unsigned integers as
 * the signed Java type of the same width, holding the same bits; enums as {@code int};
 * out-arguments as arrays of length one. Use {@link Fmi3Instance}, which checks every status.
 * {@link Fmi3Fmu} calls it through JNA direct mapping ({@link Fmi3DirectLibrary}) where it can,
 * since an interface-mapped call (proxy, reflection, boxing) costs several times the FMU's work.
 */
public interface Fmi3Library extends Library {

  /** fmi3LogMessageCallback; category and message are UTF-8 and only valid during the call. */
  interface LogMessage extends Callback {
    void invoke(Pointer instanceEnvironment, int status, Pointer category, Pointer message);
  }

  /** fmi3IntermediateUpdateCallback. */
  interface IntermediateUpdate extends Callback {
    void invoke(
        Pointer instanceEnvironment,
        double intermediateUpdateTime,
        byte intermediateVariableSetRequested,
        byte intermediateVariableGetAllowed,
        byte intermediateStepFinished,
        byte canReturnEarly,
        Pointer earlyReturnRequested,
        Pointer earlyReturnTime);
  }

  /** fmi3ClockUpdateCallback. */
  interface ClockUpdate extends Callback {
    void invoke(Pointer instanceEnvironment);
  }

  /** fmi3LockPreemptionCallback and fmi3UnlockPreemptionCallback. */
  interface Preemption extends Callback {
    void invoke();
  }

  String fmi3GetVersion();

  int fmi3SetDebugLogging(Pointer instance, byte loggingOn, long nCategories, String[] categories);

  Pointer fmi3InstantiateModelExchange(
      String instanceName,
      String instantiationToken,
      String resourcePath,
      byte visible,
      byte loggingOn,
      Pointer instanceEnvironment,
      LogMessage logMessage);

  Pointer fmi3InstantiateCoSimulation(
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
      IntermediateUpdate intermediateUpdate);

  Pointer fmi3InstantiateScheduledExecution(
      String instanceName,
      String instantiationToken,
      String resourcePath,
      byte visible,
      byte loggingOn,
      Pointer instanceEnvironment,
      LogMessage logMessage,
      ClockUpdate clockUpdate,
      Preemption lockPreemption,
      Preemption unlockPreemption);

  void fmi3FreeInstance(Pointer instance);

  int fmi3EnterInitializationMode(
      Pointer instance,
      byte toleranceDefined,
      double tolerance,
      double startTime,
      byte stopTimeDefined,
      double stopTime);

  int fmi3ExitInitializationMode(Pointer instance);

  int fmi3EnterEventMode(Pointer instance);

  int fmi3Terminate(Pointer instance);

  int fmi3Reset(Pointer instance);

  int fmi3GetFloat32(Pointer instance, int[] vrs, long nVrs, float[] values, long nValues);

  int fmi3GetFloat64(Pointer instance, int[] vrs, long nVrs, double[] values, long nValues);

  int fmi3GetInt8(Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  int fmi3GetUInt8(Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  int fmi3GetInt16(Pointer instance, int[] vrs, long nVrs, short[] values, long nValues);

  int fmi3GetUInt16(Pointer instance, int[] vrs, long nVrs, short[] values, long nValues);

  int fmi3GetInt32(Pointer instance, int[] vrs, long nVrs, int[] values, long nValues);

  int fmi3GetUInt32(Pointer instance, int[] vrs, long nVrs, int[] values, long nValues);

  int fmi3GetInt64(Pointer instance, int[] vrs, long nVrs, long[] values, long nValues);

  int fmi3GetUInt64(Pointer instance, int[] vrs, long nVrs, long[] values, long nValues);

  int fmi3GetBoolean(Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  int fmi3GetString(Pointer instance, int[] vrs, long nVrs, Pointer[] values, long nValues);

  int fmi3GetBinary(
      Pointer instance, int[] vrs, long nVrs, long[] valueSizes, Pointer[] values, long nValues);

  int fmi3GetClock(Pointer instance, int[] vrs, long nVrs, byte[] values);

  int fmi3SetFloat32(Pointer instance, int[] vrs, long nVrs, float[] values, long nValues);

  int fmi3SetFloat64(Pointer instance, int[] vrs, long nVrs, double[] values, long nValues);

  int fmi3SetInt8(Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  int fmi3SetUInt8(Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  int fmi3SetInt16(Pointer instance, int[] vrs, long nVrs, short[] values, long nValues);

  int fmi3SetUInt16(Pointer instance, int[] vrs, long nVrs, short[] values, long nValues);

  int fmi3SetInt32(Pointer instance, int[] vrs, long nVrs, int[] values, long nValues);

  int fmi3SetUInt32(Pointer instance, int[] vrs, long nVrs, int[] values, long nValues);

  int fmi3SetInt64(Pointer instance, int[] vrs, long nVrs, long[] values, long nValues);

  int fmi3SetUInt64(Pointer instance, int[] vrs, long nVrs, long[] values, long nValues);

  int fmi3SetBoolean(Pointer instance, int[] vrs, long nVrs, byte[] values, long nValues);

  int fmi3SetString(Pointer instance, int[] vrs, long nVrs, String[] values, long nValues);

  int fmi3SetBinary(
      Pointer instance, int[] vrs, long nVrs, long[] valueSizes, Pointer[] values, long nValues);

  int fmi3SetClock(Pointer instance, int[] vrs, long nVrs, byte[] values);

  int fmi3GetNumberOfVariableDependencies(Pointer instance, int vr, long[] nDependencies);

  int fmi3GetVariableDependencies(
      Pointer instance,
      int dependent,
      long[] elementIndicesOfDependent,
      int[] independents,
      long[] elementIndicesOfIndependents,
      int[] dependencyKinds,
      long nDependencies);

  int fmi3GetFMUState(Pointer instance, Pointer[] state);

  int fmi3SetFMUState(Pointer instance, Pointer state);

  int fmi3FreeFMUState(Pointer instance, Pointer[] state);

  int fmi3SerializedFMUStateSize(Pointer instance, Pointer state, long[] size);

  int fmi3SerializeFMUState(Pointer instance, Pointer state, byte[] serializedState, long size);

  int fmi3DeserializeFMUState(Pointer instance, byte[] serializedState, long size, Pointer[] state);

  int fmi3GetDirectionalDerivative(
      Pointer instance,
      int[] unknowns,
      long nUnknowns,
      int[] knowns,
      long nKnowns,
      double[] seed,
      long nSeed,
      double[] sensitivity,
      long nSensitivity);

  int fmi3GetAdjointDerivative(
      Pointer instance,
      int[] unknowns,
      long nUnknowns,
      int[] knowns,
      long nKnowns,
      double[] seed,
      long nSeed,
      double[] sensitivity,
      long nSensitivity);

  int fmi3EnterConfigurationMode(Pointer instance);

  int fmi3ExitConfigurationMode(Pointer instance);

  int fmi3GetIntervalDecimal(
      Pointer instance, int[] vrs, long nVrs, double[] intervals, int[] qualifiers);

  int fmi3GetIntervalFraction(
      Pointer instance,
      int[] vrs,
      long nVrs,
      long[] counters,
      long[] resolutions,
      int[] qualifiers);

  int fmi3GetShiftDecimal(Pointer instance, int[] vrs, long nVrs, double[] shifts);

  int fmi3GetShiftFraction(
      Pointer instance, int[] vrs, long nVrs, long[] counters, long[] resolutions);

  int fmi3SetIntervalDecimal(Pointer instance, int[] vrs, long nVrs, double[] intervals);

  int fmi3SetIntervalFraction(
      Pointer instance, int[] vrs, long nVrs, long[] counters, long[] resolutions);

  int fmi3SetShiftDecimal(Pointer instance, int[] vrs, long nVrs, double[] shifts);

  int fmi3SetShiftFraction(
      Pointer instance, int[] vrs, long nVrs, long[] counters, long[] resolutions);

  int fmi3EvaluateDiscreteStates(Pointer instance);

  int fmi3UpdateDiscreteStates(
      Pointer instance,
      byte[] discreteStatesNeedUpdate,
      byte[] terminateSimulation,
      byte[] nominalsOfContinuousStatesChanged,
      byte[] valuesOfContinuousStatesChanged,
      byte[] nextEventTimeDefined,
      double[] nextEventTime);

  int fmi3EnterContinuousTimeMode(Pointer instance);

  int fmi3CompletedIntegratorStep(
      Pointer instance,
      byte noSetFMUStatePriorToCurrentPoint,
      byte[] enterEventMode,
      byte[] terminateSimulation);

  int fmi3SetTime(Pointer instance, double time);

  int fmi3SetContinuousStates(Pointer instance, double[] states, long nStates);

  int fmi3GetContinuousStateDerivatives(Pointer instance, double[] derivatives, long nStates);

  int fmi3GetEventIndicators(Pointer instance, double[] indicators, long nIndicators);

  int fmi3GetContinuousStates(Pointer instance, double[] states, long nStates);

  int fmi3GetNominalsOfContinuousStates(Pointer instance, double[] nominals, long nStates);

  int fmi3GetNumberOfEventIndicators(Pointer instance, long[] nIndicators);

  int fmi3GetNumberOfContinuousStates(Pointer instance, long[] nStates);

  int fmi3EnterStepMode(Pointer instance);

  int fmi3GetOutputDerivatives(
      Pointer instance, int[] vrs, long nVrs, int[] orders, double[] values, long nValues);

  int fmi3DoStep(
      Pointer instance,
      double currentCommunicationPoint,
      double communicationStepSize,
      byte noSetFMUStatePriorToCurrentPoint,
      byte[] eventHandlingNeeded,
      byte[] terminateSimulation,
      byte[] earlyReturn,
      double[] lastSuccessfulTime);

  int fmi3ActivateModelPartition(Pointer instance, int clockReference, double activationTime);
}
