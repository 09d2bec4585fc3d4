/* FMI 3.0 co-simulation: fmi3DoStep with event mode and early return, on the model's exact
   step or the generic RK4 driver (inputs held over the step). */
#include <math.h>

#include "framework.h"

/* Bounds the events handled inside one step, so a chattering model fails instead of hanging. */
#define MAX_EVENTS_PER_STEP 100000

static bool cs(ModelInstance *inst, const char *fn, unsigned phases) {
    return inst && allowed_for(inst, fn, CS, phases);
}

static fmi3Status rk4(ModelInstance *inst, double t, double dt) {
    size_t n = inst->nStates;
    double *x = inst->work, *k1 = x + n, *k2 = k1 + n, *k3 = k2 + n, *k4 = k3 + n, *y = k4 + n;
    double *stages[] = {k1, k2, k3, k4}, offsets[] = {0, dt / 2, dt / 2, dt};
    fmi3Status status;

    get_states(inst, MODEL.states, x);
    for (int s = 0; s < 4; s++) {
        for (size_t k = 0; k < n; k++) y[k] = s == 0 ? x[k] : x[k] + offsets[s] * stages[s - 1][k];
        set_states(inst, y);
        inst->time = t + offsets[s];
        if ((status = refresh(inst)) > fmi3Warning) return status;
        get_states(inst, MODEL.derivatives, stages[s]);
    }
    for (size_t k = 0; k < n; k++) y[k] = x[k] + dt / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
    set_states(inst, y);
    inst->time = t + dt;
    return fmi3OK;
}

/* Advances to tStop, or to the end of the first substep in which an event indicator changes
   sign (models that need exact event times supply their own doStep). */
static fmi3Status integrate(ModelInstance *inst, double tStop, bool *event) {
    size_t m = MODEL.nEventIndicators;
    double t0 = inst->time, span = tStop - t0;
    double *zPrev = inst->work + 6 * inst->nStates, *z = zPrev + m;
    long substeps = MODEL.maxSubstep > 0 ? (long)ceil(span / MODEL.maxSubstep - 1e-9) : 1;
    fmi3Status status;

    if (MODEL.doStep) return MODEL.doStep(inst, tStop, event);
    if (!(span > 0)) return fmi3OK;
    if (inst->nStates == 0) {
        inst->time = tStop;
        inst->dirty = true;
        return fmi3OK;
    }
    if (substeps < 1) substeps = 1;
    if (m > 0) {
        if ((status = refresh(inst)) > fmi3Warning) return status;
        MODEL.eventIndicators(inst, zPrev);
    }
    for (long k = 1; k <= substeps; k++) {
        double t = t0 + span * (double)(k - 1) / (double)substeps;
        double next = k == substeps ? tStop : t0 + span * (double)k / (double)substeps;

        if ((status = rk4(inst, t, next - t)) > fmi3Warning) return status;
        inst->time = next;
        if (m == 0) continue;
        if ((status = refresh(inst)) > fmi3Warning) return status;
        MODEL.eventIndicators(inst, z);
        for (size_t j = 0; j < m; j++) *event |= (zPrev[j] > 0) != (z[j] > 0);
        if (*event) return fmi3OK;
    }
    return fmi3OK;
}

fmi3Status fmi3EnterStepMode(fmi3Instance instance) {
    ModelInstance *inst = instance;

    if (!cs(inst, "fmi3EnterStepMode", PHASE_EVENT)) return fmi3Error;
    inst->phase = PHASE_STEP;
    return fmi3OK;
}

/* Tells the importer about an event handled inside the step; true when it asks to return early. */
static bool early_return_requested(ModelInstance *inst) {
    bool requested = false;
    double when = inst->time;

    if (!inst->intermediateUpdate) return false;
    inst->intermediateUpdate(inst->environment, inst->time, false, true, true, inst->earlyReturnAllowed,
                             &requested, &when);
    return requested && inst->earlyReturnAllowed;
}

/*
 * Events inside a step: with eventModeUsed and earlyReturnAllowed the step ends at the event,
 * unhandled, and the importer handles it in event mode; otherwise the FMU handles it itself and
 * goes on (announcing it through intermediateUpdate, which may ask to return early). With
 * eventModeUsed, an event right at the end of the step is always left to the importer.
 */
static fmi3Status step(ModelInstance *inst, double tEnd, double h, bool *eventHandlingNeeded,
                       bool *terminate, bool *earlyReturn) {
    for (int events = 0; events < MAX_EVENTS_PER_STEP; events++) {
        bool timeDue = inst->nextEventTimeDefined && time_reached(tEnd, inst->nextEventTime, h);
        double tStop = timeDue && inst->nextEventTime < tEnd ? inst->nextEventTime : tEnd;
        double eventTime = inst->nextEventTime;
        bool stateEvent = false, timeEvent, inside;
        EventInfo info = {0};
        fmi3Status status = integrate(inst, tStop, &stateEvent);

        if (status > fmi3Warning) return status;
        timeEvent = inst->nextEventTimeDefined && time_reached(inst->time, inst->nextEventTime, h);
        if (!stateEvent && !timeEvent) return fmi3OK;
        inside = !time_reached(inst->time, tEnd, h);
        if (inst->eventModeUsed && (inst->earlyReturnAllowed || !inside)) {
            *eventHandlingNeeded = true;
            *earlyReturn = inside;
            return fmi3OK;
        }
        if ((status = event_iteration(inst, timeEvent, &info)) > fmi3Warning) return status;
        if (timeEvent && inst->nextEventTimeDefined && !(inst->nextEventTime > eventTime)) {
            log_error(inst, "next time event %.17g does not advance past %.17g", inst->nextEventTime, eventTime);
            return fmi3Error;
        }
        *terminate = info.terminateSimulation;
        if (info.terminateSimulation || !inside) {
            *earlyReturn = inside;
            return fmi3OK;
        }
        if (early_return_requested(inst)) {
            *earlyReturn = true;
            return fmi3OK;
        }
    }
    log_error(inst, "more than %d events in one step at t=%g", MAX_EVENTS_PER_STEP, inst->time);
    return fmi3Error;
}

fmi3Status fmi3DoStep(fmi3Instance instance, fmi3Float64 currentCommunicationPoint,
                      fmi3Float64 communicationStepSize, fmi3Boolean noSetFMUStatePriorToCurrentPoint,
                      fmi3Boolean *eventHandlingNeeded, fmi3Boolean *terminateSimulation,
                      fmi3Boolean *earlyReturn, fmi3Float64 *lastSuccessfulTime) {
    ModelInstance *inst = instance;
    double h = communicationStepSize, tEnd = currentCommunicationPoint + h;
    bool event = false, terminate = false, early = false;
    fmi3Status status;

    (void)noSetFMUStatePriorToCurrentPoint;
    if (!cs(inst, "fmi3DoStep", PHASE_STEP)) return fmi3Error;
    if (!eventHandlingNeeded || !terminateSimulation || !earlyReturn || !lastSuccessfulTime) {
        log_error(inst, "fmi3DoStep: NULL output argument");
        return fmi3Error;
    }
    if (!(h >= 0)) {
        log_error(inst, "fmi3DoStep: communicationStepSize %g is negative", h);
        return fmi3Error;
    }
    /* The importer may add steps up differently from us; anything beyond rounding is misuse. */
    if (fabs(currentCommunicationPoint - inst->time) > 1e-6 * h + 1e-12 * fmax(1.0, fabs(inst->time))) {
        log_error(inst, "fmi3DoStep: currentCommunicationPoint %.17g differs from the FMU time %.17g",
                  currentCommunicationPoint, inst->time);
        return fmi3Error;
    }
    inst->time = currentCommunicationPoint;
    status = step(inst, tEnd, h, &event, &terminate, &early);
    /* Set, not accumulated, so that the next currentCommunicationPoint matches bit for bit. */
    if (status <= fmi3Warning && !early) inst->time = tEnd;
    inst->dirty = true;
    *eventHandlingNeeded = event;
    *terminateSimulation = terminate;
    *earlyReturn = early;
    *lastSuccessfulTime = inst->time;
    if (status <= fmi3Warning && (status = refresh(inst)) <= fmi3Warning && early) {
        log_event(inst, "fmi3DoStep returns early at t=%.17g", inst->time);
    }
    return failed(inst, status);
}

fmi3Status fmi3GetOutputDerivatives(fmi3Instance instance, const fmi3ValueReference valueReferences[],
                                    size_t nValueReferences, const fmi3Int32 orders[], fmi3Float64 values[],
                                    size_t nValues) {
    (void)valueReferences;
    (void)nValueReferences;
    (void)orders;
    (void)values;
    (void)nValues;
    if (instance) log_error(instance, "fmi3GetOutputDerivatives is not supported: maxOutputDerivativeOrder is 0");
    return fmi3Error;
}
