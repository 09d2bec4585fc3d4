/* FMI 2.0 model exchange functions: the importer integrates, the model supplies equations and events. */
#include "framework.h"

#define EVALUATION_PHASES (PHASE_INITIALIZATION | PHASE_EVENT | PHASE_CONTINUOUS_TIME | \
                           PHASE_TERMINATED | PHASE_ERROR)

static bool me(ModelInstance *inst, const char *fn, unsigned phases) {
    return inst && allowed_for(inst, fn, fmi2ModelExchange, phases);
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

fmi2Status fmi2EnterEventMode(fmi2Component c) {
    ModelInstance *inst = c;

    /* Also accepted in event mode, where it changes nothing, for importers that call it twice. */
    if (!me(inst, "fmi2EnterEventMode", PHASE_EVENT | PHASE_CONTINUOUS_TIME)) return fmi2Error;
    inst->phase = PHASE_EVENT;
    return fmi2OK;
}

fmi2Status fmi2NewDiscreteStates(fmi2Component c, fmi2EventInfo *eventInfo) {
    ModelInstance *inst = c;
    fmi2Status status;
    bool timeEvent;

    if (!me(inst, "fmi2NewDiscreteStates", PHASE_EVENT)) return fmi2Error;
    if (!eventInfo) {
        log_error(inst, "fmi2NewDiscreteStates: eventInfo is NULL");
        return fmi2Error;
    }
    if ((status = refresh(inst)) > fmi2Warning) return status;
    /* Importers set the time to nextEventTime; a nanosecond-scale slack absorbs rounding. */
    timeEvent = inst->nextEventTimeDefined && time_reached(inst->time, inst->nextEventTime, 1.0);
    eventInfo->newDiscreteStatesNeeded = fmi2False;
    eventInfo->terminateSimulation = fmi2False;
    eventInfo->nominalsOfContinuousStatesChanged = fmi2False;
    eventInfo->valuesOfContinuousStatesChanged = fmi2False;
    eventInfo->nextEventTimeDefined = fmi2False;
    eventInfo->nextEventTime = 0;
    if (MODEL.eventUpdate) MODEL.eventUpdate(inst, timeEvent, eventInfo);
    inst->nextEventTimeDefined = eventInfo->nextEventTimeDefined;
    inst->nextEventTime = eventInfo->nextEventTime;
    inst->dirty = true;
    return fmi2OK;
}

fmi2Status fmi2EnterContinuousTimeMode(fmi2Component c) {
    ModelInstance *inst = c;

    if (!me(inst, "fmi2EnterContinuousTimeMode", PHASE_EVENT)) return fmi2Error;
    inst->phase = PHASE_CONTINUOUS_TIME;
    return fmi2OK;
}

fmi2Status fmi2CompletedIntegratorStep(fmi2Component c, fmi2Boolean noSetFMUStatePriorToCurrentPoint,
                                       fmi2Boolean *enterEventMode, fmi2Boolean *terminateSimulation) {
    ModelInstance *inst = c;

    (void)noSetFMUStatePriorToCurrentPoint;
    if (!me(inst, "fmi2CompletedIntegratorStep", PHASE_CONTINUOUS_TIME)) return fmi2Error;
    if (!enterEventMode || !terminateSimulation) {
        log_error(inst, "fmi2CompletedIntegratorStep: NULL output argument");
        return fmi2Error;
    }
    /* Unless the model says otherwise, no step events: every event is a state or time event the
       importer detects itself. */
    bool event = false, terminate = false;
    if (MODEL.completedStep) MODEL.completedStep(inst, &event, &terminate);
    *enterEventMode = event ? fmi2True : fmi2False;
    *terminateSimulation = terminate ? fmi2True : fmi2False;
    return fmi2OK;
}

fmi2Status fmi2SetTime(fmi2Component c, fmi2Real time) {
    ModelInstance *inst = c;

    if (!me(inst, "fmi2SetTime", PHASE_EVENT | PHASE_CONTINUOUS_TIME)) return fmi2Error;
    inst->time = time;
    inst->dirty = true;
    return fmi2OK;
}

fmi2Status fmi2SetContinuousStates(fmi2Component c, const fmi2Real x[], size_t nx) {
    ModelInstance *inst = c;

    if (!me(inst, "fmi2SetContinuousStates", PHASE_CONTINUOUS_TIME) ||
        !sized(inst, "fmi2SetContinuousStates", x, nx, MODEL.nStates))
        return fmi2Error;
    for (size_t k = 0; k < nx; k++) inst->r[MODEL.states[k]] = x[k];
    inst->dirty = true;
    return fmi2OK;
}

fmi2Status fmi2GetDerivatives(fmi2Component c, fmi2Real derivatives[], size_t nx) {
    ModelInstance *inst = c;
    fmi2Status status;

    if (!me(inst, "fmi2GetDerivatives", EVALUATION_PHASES) ||
        !sized(inst, "fmi2GetDerivatives", derivatives, nx, MODEL.nStates))
        return fmi2Error;
    if ((status = refresh(inst)) > fmi2Warning) return status;
    for (size_t k = 0; k < nx; k++) derivatives[k] = inst->r[MODEL.derivatives[k]];
    return status;
}

fmi2Status fmi2GetEventIndicators(fmi2Component c, fmi2Real eventIndicators[], size_t ni) {
    ModelInstance *inst = c;
    fmi2Status status;

    if (!me(inst, "fmi2GetEventIndicators", EVALUATION_PHASES) ||
        !sized(inst, "fmi2GetEventIndicators", eventIndicators, ni, MODEL.nEventIndicators))
        return fmi2Error;
    if ((status = refresh(inst)) > fmi2Warning) return status;
    if (ni > 0) MODEL.eventIndicators(inst, eventIndicators);
    return status;
}

fmi2Status fmi2GetContinuousStates(fmi2Component c, fmi2Real x[], size_t nx) {
    ModelInstance *inst = c;
    fmi2Status status;

    if (!me(inst, "fmi2GetContinuousStates", EVALUATION_PHASES) ||
        !sized(inst, "fmi2GetContinuousStates", x, nx, MODEL.nStates))
        return fmi2Error;
    /* Calculated start values (e.g. y = y0) must be in place before they are read. */
    if ((status = refresh(inst)) > fmi2Warning) return status;
    for (size_t k = 0; k < nx; k++) x[k] = inst->r[MODEL.states[k]];
    return status;
}

fmi2Status fmi2GetNominalsOfContinuousStates(fmi2Component c, fmi2Real x_nominal[], size_t nx) {
    ModelInstance *inst = c;

    if (!me(inst, "fmi2GetNominalsOfContinuousStates", PHASE_INSTANTIATED | EVALUATION_PHASES) ||
        !sized(inst, "fmi2GetNominalsOfContinuousStates", x_nominal, nx, MODEL.nStates))
        return fmi2Error;
    for (size_t k = 0; k < nx; k++) x_nominal[k] = 1.0;
    return fmi2OK;
}
