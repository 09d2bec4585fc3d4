/* FMI 2.0 functions shared by model exchange and co-simulation, except get/set of values. */
#include <string.h>

#include "framework.h"

const char *fmi2GetTypesPlatform(void) { return fmi2TypesPlatform; }

const char *fmi2GetVersion(void) { return fmi2Version; }

fmi2Status fmi2SetDebugLogging(fmi2Component c, fmi2Boolean loggingOn, size_t nCategories,
                               const fmi2String categories[]) {
    ModelInstance *inst = c;
    bool events = nCategories == 0; /* no list means every category */

    if (!inst) return fmi2Error;
    if (nCategories > 0 && !categories) {
        log_error(inst, "fmi2SetDebugLogging: categories is NULL");
        return fmi2Error;
    }
    for (size_t k = 0; k < nCategories; k++) {
        if (categories[k] && strcmp(categories[k], "logEvents") == 0) events = true;
        else if (!categories[k] || strcmp(categories[k], "logError") != 0) {
            log_error(inst, "fmi2SetDebugLogging: unknown log category %s",
                      categories[k] ? categories[k] : "(null)");
            return fmi2Error;
        }
    }
    inst->loggingOn = loggingOn;
    inst->logEvents = events;
    return fmi2OK;
}

fmi2Component fmi2Instantiate(fmi2String instanceName, fmi2Type fmuType, fmi2String fmuGUID,
                              fmi2String fmuResourceLocation, const fmi2CallbackFunctions *functions,
                              fmi2Boolean visible, fmi2Boolean loggingOn) {
    ModelInstance *inst;

    (void)fmuResourceLocation; /* the models need no resources */
    (void)visible;
    if (!functions) return NULL;
    if (!instanceName || !*instanceName) {
        log_raw(functions, instanceName, fmi2Error, "logError", "fmi2Instantiate: missing instance name");
        return NULL;
    }
    if (fmuType != fmi2ModelExchange && fmuType != fmi2CoSimulation) {
        log_raw(functions, instanceName, fmi2Error, "logError", "fmi2Instantiate: unknown fmuType %d",
                (int)fmuType);
        return NULL;
    }
    if (!fmuGUID || strcmp(fmuGUID, MODEL_GUID) != 0) {
        log_raw(functions, instanceName, fmi2Error, "logError",
                "fmi2Instantiate: GUID %s does not match this binary's %s",
                fmuGUID ? fmuGUID : "(null)", MODEL_GUID);
        return NULL;
    }
    inst = instance_new(instanceName, fmuType, functions, loggingOn);
    if (!inst) log_raw(functions, instanceName, fmi2Error, "logError", "fmi2Instantiate: out of memory");
    return inst;
}

void fmi2FreeInstance(fmi2Component c) {
    if (c) instance_free(c);
}

fmi2Status fmi2SetupExperiment(fmi2Component c, fmi2Boolean toleranceDefined, fmi2Real tolerance,
                               fmi2Real startTime, fmi2Boolean stopTimeDefined, fmi2Real stopTime) {
    ModelInstance *inst = c;

    /* Tolerance is unused: the co-simulation steps are exact or use fixed RK4 substeps. */
    (void)toleranceDefined;
    (void)tolerance;
    if (!inst || !allowed(inst, "fmi2SetupExperiment", PHASE_INSTANTIATED)) return fmi2Error;
    if (stopTimeDefined && stopTime < startTime) {
        log_error(inst, "fmi2SetupExperiment: stopTime %g is before startTime %g", stopTime, startTime);
        return fmi2Error;
    }
    inst->time = startTime;
    inst->dirty = true;
    return fmi2OK;
}

fmi2Status fmi2EnterInitializationMode(fmi2Component c) {
    ModelInstance *inst = c;

    if (!inst || !allowed(inst, "fmi2EnterInitializationMode", PHASE_INSTANTIATED)) return fmi2Error;
    inst->phase = PHASE_INITIALIZATION;
    inst->dirty = true;
    return fmi2OK;
}

fmi2Status fmi2ExitInitializationMode(fmi2Component c) {
    ModelInstance *inst = c;
    fmi2Status status;

    if (!inst || !allowed(inst, "fmi2ExitInitializationMode", PHASE_INITIALIZATION)) return fmi2Error;
    inst->dirty = true;
    status = refresh(inst);
    if (status <= fmi2Warning) {
        if (inst->type == fmi2ModelExchange) {
            inst->phase = PHASE_EVENT; /* the importer now runs the initial event iteration */
        } else {
            /* Co-simulation has no importer-driven event iteration, so run it here. */
            inst->phase = PHASE_STEP_COMPLETE;
            status = event_iteration(inst, false);
        }
    }
    if (status > fmi2Warning) inst->phase = PHASE_ERROR;
    return status;
}

fmi2Status fmi2Terminate(fmi2Component c) {
    ModelInstance *inst = c;

    if (!inst || !allowed(inst, "fmi2Terminate", PHASE_EVENT | PHASE_CONTINUOUS_TIME | PHASE_STEP_COMPLETE))
        return fmi2Error;
    inst->phase = PHASE_TERMINATED;
    return fmi2OK;
}

fmi2Status fmi2Reset(fmi2Component c) {
    ModelInstance *inst = c;

    if (!inst) return fmi2Error;
    return instance_restart(inst);
}

static fmi2Status unsupported(fmi2Component c, const char *fn, const char *why) {
    if (c) log_error(c, "%s is not supported: %s", fn, why);
    return fmi2Error;
}

fmi2Status fmi2GetFMUstate(fmi2Component c, fmi2FMUstate *FMUstate) {
    (void)FMUstate;
    return unsupported(c, "fmi2GetFMUstate", "canGetAndSetFMUstate is false");
}

fmi2Status fmi2SetFMUstate(fmi2Component c, fmi2FMUstate FMUstate) {
    (void)FMUstate;
    return unsupported(c, "fmi2SetFMUstate", "canGetAndSetFMUstate is false");
}

fmi2Status fmi2FreeFMUstate(fmi2Component c, fmi2FMUstate *FMUstate) {
    /* Nothing can have been handed out, so freeing "nothing" is fine. */
    if (!FMUstate || !*FMUstate) return c ? fmi2OK : fmi2Error;
    return unsupported(c, "fmi2FreeFMUstate", "canGetAndSetFMUstate is false");
}

fmi2Status fmi2SerializedFMUstateSize(fmi2Component c, fmi2FMUstate FMUstate, size_t *size) {
    (void)FMUstate;
    (void)size;
    return unsupported(c, "fmi2SerializedFMUstateSize", "canSerializeFMUstate is false");
}

fmi2Status fmi2SerializeFMUstate(fmi2Component c, fmi2FMUstate FMUstate, fmi2Byte serializedState[],
                                 size_t size) {
    (void)FMUstate;
    (void)serializedState;
    (void)size;
    return unsupported(c, "fmi2SerializeFMUstate", "canSerializeFMUstate is false");
}

fmi2Status fmi2DeSerializeFMUstate(fmi2Component c, const fmi2Byte serializedState[], size_t size,
                                   fmi2FMUstate *FMUstate) {
    (void)serializedState;
    (void)size;
    (void)FMUstate;
    return unsupported(c, "fmi2DeSerializeFMUstate", "canSerializeFMUstate is false");
}

/* Position of vr in the first n of list, or n when it is not there. */
static size_t position(const fmi2ValueReference *list, size_t n, fmi2ValueReference vr) {
    size_t k = 0;

    while (k < n && list[k] != vr) k++;
    return k;
}

/* dvUnknown = J dvKnown with J the model's exact partial derivatives of state derivatives
   (unknowns) with respect to states (knowns): what a stiff solver's Jacobian needs. */
fmi2Status fmi2GetDirectionalDerivative(fmi2Component c, const fmi2ValueReference vUnknown_ref[],
                                        size_t nUnknown, const fmi2ValueReference vKnown_ref[],
                                        size_t nKnown, const fmi2Real dvKnown[], fmi2Real dvUnknown[]) {
    ModelInstance *inst = c;
    const char *fn = "fmi2GetDirectionalDerivative";
    size_t n = MODEL.nStates;
    fmi2Status status;

    if (!inst) return fmi2Error;
    if (!MODEL.partialDerivative) return unsupported(c, fn, "providesDirectionalDerivative is false");
    if (!allowed(inst, fn, PHASE_INITIALIZATION | PHASE_EVENT | PHASE_CONTINUOUS_TIME | PHASE_STEP_COMPLETE))
        return fmi2Error;
    if ((nUnknown && (!vUnknown_ref || !dvUnknown)) || (nKnown && (!vKnown_ref || !dvKnown))) {
        log_error(inst, "%s: NULL reference or value array", fn);
        return fmi2Error;
    }
    for (size_t u = 0; u < nUnknown; u++) {
        if (position(MODEL.derivatives, n, vUnknown_ref[u]) == n) {
            log_error(inst, "%s: unknown %u is not a state derivative", fn, vUnknown_ref[u]);
            return fmi2Error;
        }
    }
    for (size_t k = 0; k < nKnown; k++) {
        if (position(MODEL.states, n, vKnown_ref[k]) == n) {
            log_error(inst, "%s: known %u is not a continuous state", fn, vKnown_ref[k]);
            return fmi2Error;
        }
    }
    if ((status = refresh(inst)) > fmi2Warning) return status;
    for (size_t u = 0; u < nUnknown; u++) {
        size_t i = position(MODEL.derivatives, n, vUnknown_ref[u]);

        dvUnknown[u] = 0;
        for (size_t k = 0; k < nKnown; k++)
            dvUnknown[u] += MODEL.partialDerivative(inst, i, position(MODEL.states, n, vKnown_ref[k])) * dvKnown[k];
    }
    return status;
}
