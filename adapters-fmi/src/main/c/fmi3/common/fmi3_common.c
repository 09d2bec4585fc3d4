/* FMI 3.0 functions shared by all three interfaces, except get/set of values and clocks. */
#include <string.h>

#include "framework.h"

const char *fmi3GetVersion(void) { return fmi3Version; }

fmi3Status fmi3SetDebugLogging(fmi3Instance instance, fmi3Boolean loggingOn, size_t nCategories,
                               const fmi3String categories[]) {
    ModelInstance *inst = instance;
    bool events = nCategories == 0; /* no list means every category */

    if (!inst) return fmi3Error;
    if (nCategories > 0 && !categories) {
        log_error(inst, "fmi3SetDebugLogging: categories is NULL");
        return fmi3Error;
    }
    for (size_t k = 0; k < nCategories; k++) {
        if (categories[k] && strcmp(categories[k], "logEvents") == 0) events = true;
        else if (!categories[k] || strcmp(categories[k], "logStatusError") != 0) {
            log_error(inst, "fmi3SetDebugLogging: unknown log category %s",
                      categories[k] ? categories[k] : "(null)");
            return fmi3Error;
        }
    }
    inst->loggingOn = loggingOn;
    inst->logEvents = events;
    return fmi3OK;
}

static ModelInstance *instantiate(const char *fn, Interface interface, bool supported,
                                  fmi3String instanceName, fmi3String token, fmi3Boolean loggingOn,
                                  fmi3InstanceEnvironment environment, fmi3LogMessageCallback logMessage) {
    ModelInstance *inst;

    if (!supported) {
        log_raw(logMessage, environment, fmi3Error, "logStatusError",
                "%s: this FMU does not implement that interface", fn);
        return NULL;
    }
    if (!instanceName || !*instanceName) {
        log_raw(logMessage, environment, fmi3Error, "logStatusError", "%s: missing instance name", fn);
        return NULL;
    }
    if (!token || strcmp(token, INSTANTIATION_TOKEN) != 0) {
        log_raw(logMessage, environment, fmi3Error, "logStatusError",
                "%s: instantiation token %s does not match this binary's %s", fn,
                token ? token : "(null)", INSTANTIATION_TOKEN);
        return NULL;
    }
    inst = instance_new(instanceName, interface, loggingOn, environment, logMessage);
    if (!inst) log_raw(logMessage, environment, fmi3Error, "logStatusError", "%s: out of memory", fn);
    return inst;
}

fmi3Instance fmi3InstantiateModelExchange(fmi3String instanceName, fmi3String instantiationToken,
                                          fmi3String resourcePath, fmi3Boolean visible,
                                          fmi3Boolean loggingOn, fmi3InstanceEnvironment instanceEnvironment,
                                          fmi3LogMessageCallback logMessage) {
    (void)resourcePath; /* the models need no resources */
    (void)visible;
    return instantiate("fmi3InstantiateModelExchange", ME, MODEL.modelExchange, instanceName,
                       instantiationToken, loggingOn, instanceEnvironment, logMessage);
}

fmi3Instance fmi3InstantiateCoSimulation(fmi3String instanceName, fmi3String instantiationToken,
                                         fmi3String resourcePath, fmi3Boolean visible,
                                         fmi3Boolean loggingOn, fmi3Boolean eventModeUsed,
                                         fmi3Boolean earlyReturnAllowed,
                                         const fmi3ValueReference requiredIntermediateVariables[],
                                         size_t nRequiredIntermediateVariables,
                                         fmi3InstanceEnvironment instanceEnvironment,
                                         fmi3LogMessageCallback logMessage,
                                         fmi3IntermediateUpdateCallback intermediateUpdate) {
    ModelInstance *inst;

    (void)resourcePath;
    (void)visible;
    /* Intermediate variable access is not offered (providesIntermediateUpdate is only used to
       announce events and offer early return), so the list is accepted and ignored. */
    (void)requiredIntermediateVariables;
    (void)nRequiredIntermediateVariables;
    inst = instantiate("fmi3InstantiateCoSimulation", CS, MODEL.coSimulation, instanceName,
                       instantiationToken, loggingOn, instanceEnvironment, logMessage);
    if (inst) {
        inst->eventModeUsed = eventModeUsed;
        inst->earlyReturnAllowed = earlyReturnAllowed;
        inst->intermediateUpdate = intermediateUpdate;
    }
    return inst;
}

fmi3Instance fmi3InstantiateScheduledExecution(fmi3String instanceName, fmi3String instantiationToken,
                                               fmi3String resourcePath, fmi3Boolean visible,
                                               fmi3Boolean loggingOn,
                                               fmi3InstanceEnvironment instanceEnvironment,
                                               fmi3LogMessageCallback logMessage,
                                               fmi3ClockUpdateCallback clockUpdate,
                                               fmi3LockPreemptionCallback lockPreemption,
                                               fmi3UnlockPreemptionCallback unlockPreemption) {
    ModelInstance *inst;

    (void)resourcePath;
    (void)visible;
    inst = instantiate("fmi3InstantiateScheduledExecution", SE, MODEL.scheduledExecution, instanceName,
                       instantiationToken, loggingOn, instanceEnvironment, logMessage);
    if (inst) {
        inst->clockUpdate = clockUpdate;
        inst->lockPreemption = lockPreemption;
        inst->unlockPreemption = unlockPreemption;
    }
    return inst;
}

void fmi3FreeInstance(fmi3Instance instance) {
    if (instance) instance_free(instance);
}

fmi3Status fmi3EnterInitializationMode(fmi3Instance instance, fmi3Boolean toleranceDefined,
                                       fmi3Float64 tolerance, fmi3Float64 startTime,
                                       fmi3Boolean stopTimeDefined, fmi3Float64 stopTime) {
    ModelInstance *inst = instance;

    /* Tolerance is unused: co-simulation steps are exact or use fixed RK4 substeps. */
    (void)toleranceDefined;
    (void)tolerance;
    if (!inst || !allowed(inst, "fmi3EnterInitializationMode", PHASE_INSTANTIATED)) return fmi3Error;
    if (stopTimeDefined && stopTime < startTime) {
        log_error(inst, "fmi3EnterInitializationMode: stopTime %g is before startTime %g", stopTime,
                  startTime);
        return fmi3Error;
    }
    inst->time = startTime;
    inst->phase = PHASE_INITIALIZATION;
    inst->dirty = true;
    return fmi3OK;
}

fmi3Status fmi3ExitInitializationMode(fmi3Instance instance) {
    ModelInstance *inst = instance;
    fmi3Status status;

    if (!inst || !allowed(inst, "fmi3ExitInitializationMode", PHASE_INITIALIZATION)) return fmi3Error;
    inst->dirty = true;
    if ((status = refresh(inst)) > fmi3Warning) return failed(inst, status);
    switch (inst->interface) {
    case ME:
        inst->phase = PHASE_EVENT; /* the importer runs the initial event iteration */
        break;
    case CS:
        if (inst->eventModeUsed) {
            inst->phase = PHASE_EVENT;
        } else {
            /* Without event mode nobody else runs the initial event iteration. */
            inst->phase = PHASE_STEP;
            status = event_iteration(inst, false, NULL);
        }
        break;
    case SE:
        inst->phase = PHASE_CLOCK_ACTIVATION;
        break;
    }
    return failed(inst, status);
}

fmi3Status fmi3EnterEventMode(fmi3Instance instance) {
    ModelInstance *inst = instance;

    if (!inst) return fmi3Error;
    if (inst->interface == SE || (inst->interface == CS && !inst->eventModeUsed)) {
        log_error(inst, "fmi3EnterEventMode: event mode is only for model exchange and for "
                        "co-simulation instantiated with eventModeUsed");
        return fmi3Error;
    }
    /* Also accepted in event mode, where it changes nothing, for importers that call it twice. */
    if (!allowed(inst, "fmi3EnterEventMode", PHASE_EVENT | PHASE_CONTINUOUS_TIME | PHASE_STEP))
        return fmi3Error;
    inst->phase = PHASE_EVENT;
    return fmi3OK;
}

fmi3Status fmi3Terminate(fmi3Instance instance) {
    ModelInstance *inst = instance;

    if (!inst || !allowed(inst, "fmi3Terminate", PHASE_EVENT | PHASE_CONTINUOUS_TIME | PHASE_STEP |
                                                     PHASE_CLOCK_ACTIVATION))
        return fmi3Error;
    inst->phase = PHASE_TERMINATED;
    return fmi3OK;
}

fmi3Status fmi3Reset(fmi3Instance instance) {
    ModelInstance *inst = instance;

    if (!inst) return fmi3Error;
    return instance_restart(inst);
}

fmi3Status fmi3EvaluateDiscreteStates(fmi3Instance instance) {
    ModelInstance *inst = instance;

    /* Discrete states change only in event iterations, so there is nothing to evaluate early. */
    if (!inst || !allowed(inst, "fmi3EvaluateDiscreteStates", PHASE_EVENT | PHASE_CONTINUOUS_TIME | PHASE_STEP))
        return fmi3Error;
    return fmi3OK;
}

static void put(bool *target, bool value) {
    if (target) *target = value;
}

fmi3Status fmi3UpdateDiscreteStates(fmi3Instance instance, fmi3Boolean *discreteStatesNeedUpdate,
                                    fmi3Boolean *terminateSimulation,
                                    fmi3Boolean *nominalsOfContinuousStatesChanged,
                                    fmi3Boolean *valuesOfContinuousStatesChanged,
                                    fmi3Boolean *nextEventTimeDefined, fmi3Float64 *nextEventTime) {
    ModelInstance *inst = instance;
    EventInfo info = {0};
    fmi3Status status;
    bool timeEvent;

    if (!inst || !allowed(inst, "fmi3UpdateDiscreteStates", PHASE_EVENT)) return fmi3Error;
    if ((status = refresh(inst)) > fmi3Warning) return failed(inst, status);
    /* Importers set the time to nextEventTime; a nanosecond-scale slack absorbs rounding. */
    timeEvent = inst->nextEventTimeDefined && time_reached(inst->time, inst->nextEventTime, 1.0);
    /* One iteration per call: the importer loops while discreteStatesNeedUpdate is true. */
    if (MODEL.eventUpdate) MODEL.eventUpdate(inst, timeEvent, &info);
    inst->nextEventTimeDefined = info.nextEventTimeDefined;
    inst->nextEventTime = info.nextEventTime;
    inst->dirty = true;
    put(discreteStatesNeedUpdate, info.discreteStatesNeedUpdate);
    put(terminateSimulation, info.terminateSimulation);
    put(nominalsOfContinuousStatesChanged, false);
    put(valuesOfContinuousStatesChanged, info.valuesOfContinuousStatesChanged);
    put(nextEventTimeDefined, info.nextEventTimeDefined);
    if (nextEventTime) *nextEventTime = info.nextEventTimeDefined ? info.nextEventTime : 0;
    return failed(inst, refresh(inst));
}

static fmi3Status unsupported(fmi3Instance instance, const char *fn, const char *why) {
    if (instance) log_error(instance, "%s is not supported: %s", fn, why);
    return fmi3Error;
}

fmi3Status fmi3GetNumberOfVariableDependencies(fmi3Instance instance, fmi3ValueReference valueReference,
                                               size_t *nDependencies) {
    (void)valueReference;
    (void)nDependencies;
    return unsupported(instance, "fmi3GetNumberOfVariableDependencies",
                       "the dependencies are in modelDescription.xml");
}

fmi3Status fmi3GetVariableDependencies(fmi3Instance instance, fmi3ValueReference dependent,
                                       size_t elementIndicesOfDependent[], fmi3ValueReference independents[],
                                       size_t elementIndicesOfIndependents[],
                                       fmi3DependencyKind dependencyKinds[], size_t nDependencies) {
    (void)dependent;
    (void)elementIndicesOfDependent;
    (void)independents;
    (void)elementIndicesOfIndependents;
    (void)dependencyKinds;
    (void)nDependencies;
    return unsupported(instance, "fmi3GetVariableDependencies",
                       "the dependencies are in modelDescription.xml");
}

fmi3Status fmi3GetFMUState(fmi3Instance instance, fmi3FMUState *FMUState) {
    (void)FMUState;
    return unsupported(instance, "fmi3GetFMUState", "canGetAndSetFMUState is false");
}

fmi3Status fmi3SetFMUState(fmi3Instance instance, fmi3FMUState FMUState) {
    (void)FMUState;
    return unsupported(instance, "fmi3SetFMUState", "canGetAndSetFMUState is false");
}

fmi3Status fmi3FreeFMUState(fmi3Instance instance, fmi3FMUState *FMUState) {
    /* Nothing can have been handed out, so freeing "nothing" is fine. */
    if (!FMUState || !*FMUState) return instance ? fmi3OK : fmi3Error;
    return unsupported(instance, "fmi3FreeFMUState", "canGetAndSetFMUState is false");
}

fmi3Status fmi3SerializedFMUStateSize(fmi3Instance instance, fmi3FMUState FMUState, size_t *size) {
    (void)FMUState;
    (void)size;
    return unsupported(instance, "fmi3SerializedFMUStateSize", "canSerializeFMUState is false");
}

fmi3Status fmi3SerializeFMUState(fmi3Instance instance, fmi3FMUState FMUState, fmi3Byte serializedState[],
                                 size_t size) {
    (void)FMUState;
    (void)serializedState;
    (void)size;
    return unsupported(instance, "fmi3SerializeFMUState", "canSerializeFMUState is false");
}

fmi3Status fmi3DeserializeFMUState(fmi3Instance instance, const fmi3Byte serializedState[], size_t size,
                                   fmi3FMUState *FMUState) {
    (void)serializedState;
    (void)size;
    (void)FMUState;
    return unsupported(instance, "fmi3DeserializeFMUState", "canSerializeFMUState is false");
}

fmi3Status fmi3GetAdjointDerivative(fmi3Instance instance, const fmi3ValueReference unknowns[],
                                    size_t nUnknowns, const fmi3ValueReference knowns[], size_t nKnowns,
                                    const fmi3Float64 seed[], size_t nSeed, fmi3Float64 sensitivity[],
                                    size_t nSensitivity) {
    (void)unknowns;
    (void)nUnknowns;
    (void)knowns;
    (void)nKnowns;
    (void)seed;
    (void)nSeed;
    (void)sensitivity;
    (void)nSensitivity;
    return unsupported(instance, "fmi3GetAdjointDerivative", "providesAdjointDerivatives is false");
}

fmi3Status fmi3EnterConfigurationMode(fmi3Instance instance) {
    return unsupported(instance, "fmi3EnterConfigurationMode", "the models have no structural parameters");
}

fmi3Status fmi3ExitConfigurationMode(fmi3Instance instance) {
    return unsupported(instance, "fmi3ExitConfigurationMode", "the models have no structural parameters");
}
