/* The generic co-simulation driver: classic RK4 with the inputs held over the step. */
#include <math.h>

#include "framework.h"

/* A model that keeps asking for another iteration is broken; stop rather than hang. */
#define MAX_EVENT_ITERATIONS 100

fmi2Status event_iteration(ModelInstance *inst, bool timeEvent) {
    if (!MODEL.eventUpdate) return fmi2OK;
    for (int n = 0; n < MAX_EVENT_ITERATIONS; n++) {
        fmi2EventInfo info = {fmi2False, fmi2False, fmi2False, fmi2False, fmi2False, 0.0};
        fmi2Status status = refresh(inst);

        if (status > fmi2Warning) return status;
        MODEL.eventUpdate(inst, timeEvent && n == 0, &info);
        inst->nextEventTimeDefined = info.nextEventTimeDefined;
        inst->nextEventTime = info.nextEventTime;
        inst->dirty = true;
        if (!info.newDiscreteStatesNeeded) return fmi2OK;
    }
    log_error(inst, "event iteration at t=%g did not converge", inst->time);
    return fmi2Error;
}

/* Derivatives at (t, x), evaluated through the model's own calculate(). */
static fmi2Status derivatives(ModelInstance *inst, double t, const double *x, double *dx) {
    fmi2Status status;

    for (size_t k = 0; k < MODEL.nStates; k++) inst->r[MODEL.states[k]] = x[k];
    inst->time = t;
    inst->dirty = true;
    status = refresh(inst);
    for (size_t k = 0; k < MODEL.nStates; k++) dx[k] = inst->r[MODEL.derivatives[k]];
    return status;
}

static fmi2Status rk4(ModelInstance *inst, double t, double dt) {
    size_t n = MODEL.nStates;
    double *x = inst->work, *k1 = x + n, *k2 = k1 + n, *k3 = k2 + n, *k4 = k3 + n, *y = k4 + n;
    fmi2Status status;

    for (size_t k = 0; k < n; k++) x[k] = inst->r[MODEL.states[k]];
    if ((status = derivatives(inst, t, x, k1)) > fmi2Warning) return status;
    for (size_t k = 0; k < n; k++) y[k] = x[k] + dt / 2 * k1[k];
    if ((status = derivatives(inst, t + dt / 2, y, k2)) > fmi2Warning) return status;
    for (size_t k = 0; k < n; k++) y[k] = x[k] + dt / 2 * k2[k];
    if ((status = derivatives(inst, t + dt / 2, y, k3)) > fmi2Warning) return status;
    for (size_t k = 0; k < n; k++) y[k] = x[k] + dt * k3[k];
    if ((status = derivatives(inst, t + dt, y, k4)) > fmi2Warning) return status;
    for (size_t k = 0; k < n; k++) {
        inst->r[MODEL.states[k]] = x[k] + dt / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
    }
    inst->time = t + dt;
    inst->dirty = true;
    return fmi2OK;
}

/* Indicators into z; true when one changed sign against zPrev. */
static bool crossed(ModelInstance *inst, const double *zPrev, double *z) {
    bool any = false;

    MODEL.eventIndicators(inst, z);
    for (size_t k = 0; k < MODEL.nEventIndicators; k++) any |= (zPrev[k] > 0) != (z[k] > 0);
    return any;
}

static fmi2Status integrate(ModelInstance *inst, double tStop) {
    size_t m = MODEL.nEventIndicators;
    double t0 = inst->time, span = tStop - t0;
    double *zPrev = inst->work + 6 * MODEL.nStates, *z = zPrev + m;
    long substeps = MODEL.maxSubstep > 0 ? (long)ceil(span / MODEL.maxSubstep - 1e-9) : 1;
    fmi2Status status;

    if (!(span > 0)) return fmi2OK;
    if (MODEL.nStates == 0) {
        inst->time = tStop;
        inst->dirty = true;
        return fmi2OK;
    }
    if (substeps < 1) substeps = 1;
    if (m > 0) {
        if ((status = refresh(inst)) > fmi2Warning) return status;
        MODEL.eventIndicators(inst, zPrev);
    }
    for (long k = 1; k <= substeps; k++) {
        double t = t0 + span * (double)(k - 1) / (double)substeps;
        double next = k == substeps ? tStop : t0 + span * (double)k / (double)substeps;

        if ((status = rk4(inst, t, next - t)) > fmi2Warning) return status;
        inst->time = next;
        if (m == 0) continue;
        if ((status = refresh(inst)) > fmi2Warning) return status;
        if (crossed(inst, zPrev, z)) {
            /* Located only to the substep; models needing exact event times supply doStep. */
            if ((status = event_iteration(inst, false)) > fmi2Warning) return status;
            if ((status = refresh(inst)) > fmi2Warning) return status;
            MODEL.eventIndicators(inst, z);
        }
        for (size_t j = 0; j < m; j++) zPrev[j] = z[j];
    }
    return fmi2OK;
}

fmi2Status generic_step(ModelInstance *inst, double tEnd, double stepSize) {
    for (;;) {
        bool timeEvent = inst->nextEventTimeDefined && time_reached(tEnd, inst->nextEventTime, stepSize);
        double tStop = timeEvent && inst->nextEventTime < tEnd ? inst->nextEventTime : tEnd;
        double eventTime = inst->nextEventTime;
        fmi2Status status = integrate(inst, tStop);

        if (status > fmi2Warning || !timeEvent) return status;
        if ((status = event_iteration(inst, true)) > fmi2Warning) return status;
        if (inst->nextEventTimeDefined && !(inst->nextEventTime > eventTime)) {
            log_error(inst, "next time event %.17g does not advance past %.17g", inst->nextEventTime,
                      eventTime);
            return fmi2Error;
        }
    }
}
