/* FMI 3.0 model exchange functions, and directional derivatives (model exchange and
   co-simulation): the importer integrates, the model supplies equations and events. */
#include "framework.h"

#define EVALUATION_PHASES (PHASE_INITIALIZATION | PHASE_EVENT | PHASE_CONTINUOUS_TIME | \
                           PHASE_TERMINATED | PHASE_ERROR)

static bool me(ModelInstance *inst, const char *fn, unsigned phases) {
    return inst && allowed_for(inst, fn, ME, phases);
}

static bool sized(ModelInstance *inst, const char *fn, const void *array, size_t n, size_t expected) {
    if (n != expected) {
        log_error(inst, "%s: expected %zu values, got %zu", fn, expected, n);
        return false;
    }
    if (n > 0 && !array) {
        log_error(inst, "%s: array is NULL", fn);
        return false;
    }
    return true;
}

fmi3Status fmi3EnterContinuousTimeMode(fmi3Instance instance) {
    ModelInstance *inst = instance;

    if (!me(inst, "fmi3EnterContinuousTimeMode", PHASE_EVENT)) return fmi3Error;
    inst->phase = PHASE_CONTINUOUS_TIME;
    return fmi3OK;
}

fmi3Status fmi3CompletedIntegratorStep(fmi3Instance instance, fmi3Boolean noSetFMUStatePriorToCurrentPoint,
                                       fmi3Boolean *enterEventMode, fmi3Boolean *terminateSimulation) {
    ModelInstance *inst = instance;

    (void)noSetFMUStatePriorToCurrentPoint;
    if (!me(inst, "fmi3CompletedIntegratorStep", PHASE_CONTINUOUS_TIME)) return fmi3Error;
    if (!enterEventMode || !terminateSimulation) {
        log_error(inst, "fmi3CompletedIntegratorStep: NULL output argument");
        return fmi3Error;
    }
    /* Unless the model says otherwise, no step events: every event is a state or time event the
       importer detects itself. */
    bool event = false, terminate = false;
    if (MODEL.completedStep) MODEL.completedStep(inst, &event, &terminate);
    *enterEventMode = event;
    *terminateSimulation = terminate;
    return fmi3OK;
}

fmi3Status fmi3SetTime(fmi3Instance instance, fmi3Float64 time) {
    ModelInstance *inst = instance;

    if (!me(inst, "fmi3SetTime", PHASE_EVENT | PHASE_CONTINUOUS_TIME)) return fmi3Error;
    inst->time = time;
    inst->dirty = true;
    return fmi3OK;
}

fmi3Status fmi3SetContinuousStates(fmi3Instance instance, const fmi3Float64 continuousStates[],
                                   size_t nContinuousStates) {
    ModelInstance *inst = instance;

    if (!me(inst, "fmi3SetContinuousStates", PHASE_CONTINUOUS_TIME) ||
        !sized(inst, "fmi3SetContinuousStates", continuousStates, nContinuousStates, inst->nStates))
        return fmi3Error;
    set_states(inst, continuousStates);
    return fmi3OK;
}

static fmi3Status read_states(ModelInstance *inst, const char *fn, const fmi3ValueReference *vrs,
                              double x[], size_t nx) {
    fmi3Status status;

    if (!me(inst, fn, EVALUATION_PHASES) || !sized(inst, fn, x, nx, inst->nStates)) return fmi3Error;
    /* Calculated start values and derivatives must be in place before they are read. */
    if ((status = refresh(inst)) > fmi3Warning) return failed(inst, status);
    get_states(inst, vrs, x);
    return status;
}

fmi3Status fmi3GetContinuousStateDerivatives(fmi3Instance instance, fmi3Float64 derivatives[],
                                             size_t nContinuousStates) {
    return read_states(instance, "fmi3GetContinuousStateDerivatives", MODEL.derivatives, derivatives,
                       nContinuousStates);
}

fmi3Status fmi3GetContinuousStates(fmi3Instance instance, fmi3Float64 continuousStates[],
                                   size_t nContinuousStates) {
    return read_states(instance, "fmi3GetContinuousStates", MODEL.states, continuousStates, nContinuousStates);
}

fmi3Status fmi3GetEventIndicators(fmi3Instance instance, fmi3Float64 eventIndicators[], size_t nEventIndicators) {
    ModelInstance *inst = instance;
    fmi3Status status;

    if (!me(inst, "fmi3GetEventIndicators", EVALUATION_PHASES) ||
        !sized(inst, "fmi3GetEventIndicators", eventIndicators, nEventIndicators, MODEL.nEventIndicators))
        return fmi3Error;
    if ((status = refresh(inst)) > fmi3Warning) return failed(inst, status);
    if (nEventIndicators > 0) MODEL.eventIndicators(inst, eventIndicators);
    return status;
}

fmi3Status fmi3GetNominalsOfContinuousStates(fmi3Instance instance, fmi3Float64 nominals[],
                                             size_t nContinuousStates) {
    ModelInstance *inst = instance;

    if (!me(inst, "fmi3GetNominalsOfContinuousStates", PHASE_INSTANTIATED | EVALUATION_PHASES) ||
        !sized(inst, "fmi3GetNominalsOfContinuousStates", nominals, nContinuousStates, inst->nStates))
        return fmi3Error;
    for (size_t k = 0; k < nContinuousStates; k++) nominals[k] = 1.0;
    return fmi3OK;
}

fmi3Status fmi3GetNumberOfEventIndicators(fmi3Instance instance, size_t *nEventIndicators) {
    ModelInstance *inst = instance;

    if (!me(inst, "fmi3GetNumberOfEventIndicators", ANY_PHASE) || !nEventIndicators) return fmi3Error;
    *nEventIndicators = MODEL.nEventIndicators;
    return fmi3OK;
}

fmi3Status fmi3GetNumberOfContinuousStates(fmi3Instance instance, size_t *nContinuousStates) {
    ModelInstance *inst = instance;

    if (!me(inst, "fmi3GetNumberOfContinuousStates", ANY_PHASE) || !nContinuousStates) return fmi3Error;
    *nContinuousStates = inst->nStates;
    return fmi3OK;
}

/* Sums of elements of a list of Float64 variables, or 0 after logging what is wrong. */
static bool float64s(ModelInstance *inst, const fmi3ValueReference vrs[], size_t n, size_t *total) {
    *total = 0;
    for (size_t k = 0; k < n; k++) {
        if (vrs[k] >= MODEL.nVariables || MODEL.variables[vrs[k]].type != TYPE_FLOAT64) {
            log_error(inst, "fmi3GetDirectionalDerivative: %u is not a Float64 variable", vrs[k]);
            return false;
        }
        *total += elements(vrs[k]);
    }
    return true;
}

/* sensitivity = J * seed, with J assembled element by element from the model's exact partial
   derivatives: cheap for the small models here, and exact, unlike finite differences. */
fmi3Status fmi3GetDirectionalDerivative(fmi3Instance instance, const fmi3ValueReference unknowns[],
                                        size_t nUnknowns, const fmi3ValueReference knowns[], size_t nKnowns,
                                        const fmi3Float64 seed[], size_t nSeed, fmi3Float64 sensitivity[],
                                        size_t nSensitivity) {
    ModelInstance *inst = instance;
    size_t nu, nk, row = 0;
    fmi3Status status;

    if (!inst) return fmi3Error;
    if (!MODEL.partialDerivative) {
        log_error(inst, "fmi3GetDirectionalDerivative is not supported: providesDirectionalDerivatives is false");
        return fmi3Error;
    }
    if (!allowed(inst, "fmi3GetDirectionalDerivative", PHASE_INITIALIZATION | PHASE_EVENT |
                                                          PHASE_CONTINUOUS_TIME | PHASE_STEP))
        return fmi3Error;
    if ((nUnknowns && !unknowns) || (nKnowns && !knowns) || !float64s(inst, unknowns, nUnknowns, &nu) ||
        !float64s(inst, knowns, nKnowns, &nk) ||
        !sized(inst, "fmi3GetDirectionalDerivative (seed)", seed, nSeed, nk) ||
        !sized(inst, "fmi3GetDirectionalDerivative (sensitivity)", sensitivity, nSensitivity, nu))
        return fmi3Error;
    if ((status = refresh(inst)) > fmi3Warning) return failed(inst, status);
    for (size_t u = 0; u < nUnknowns; u++) {
        for (size_t ku = 0; ku < elements(unknowns[u]); ku++, row++) {
            size_t column = 0;

            sensitivity[row] = 0;
            for (size_t k = 0; k < nKnowns; k++) {
                for (size_t kk = 0; kk < elements(knowns[k]); kk++, column++) {
                    double d = 0;
                    fmi3Status s = MODEL.partialDerivative(inst, unknowns[u], ku, knowns[k], kk, &d);
                    if (s > fmi3Warning) return s;
                    sensitivity[row] += d * seed[column];
                }
            }
        }
    }
    return status;
}
