/* Counts time events: count goes up by one at every t = k * period, k = 1, 2, ... */
#include <math.h>

#include "model.h"

enum { VR_PERIOD, N_REALS };
enum { VR_COUNT, N_INTEGERS };

typedef struct {
    /* Index k of the next event. Event times are k * period, never a running sum, so
       rounding cannot accumulate over many periods. */
    double next;
} Clock;

static const Variable REALS[N_REALS] = {
    [VR_PERIOD] = {"period", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 1.0, NULL},
};

static const Variable INTEGERS[N_INTEGERS] = {
    [VR_COUNT] = {"count", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
};

static fmi2Status initialize(ModelInstance *inst) {
    double period = inst->r[VR_PERIOD];

    if (!(period > 0)) {
        log_error(inst, "period must be positive, got %g", period);
        return fmi2Error;
    }
    /* First k with k * period after the start time; an event exactly at the start time is
       not counted, matching the (t, t + h] rule of a co-simulation step. */
    ((Clock *)inst->model)->next = floor(inst->time / period + 1e-9) + 1;
    return fmi2OK;
}

static void event_update(ModelInstance *inst, bool timeEvent, fmi2EventInfo *info) {
    Clock *clock = inst->model;

    if (timeEvent) {
        inst->i[VR_COUNT]++;
        clock->next++;
        log_event(inst, "count is %d at t=%.17g", inst->i[VR_COUNT], inst->time);
    }
    info->nextEventTimeDefined = fmi2True;
    info->nextEventTime = clock->next * inst->r[VR_PERIOD];
}

const Model MODEL = {
    .reals = REALS,
    .integers = INTEGERS,
    .nReals = N_REALS,
    .nIntegers = N_INTEGERS,
    .privateSize = sizeof(Clock),
    .initialize = initialize,
    .eventUpdate = event_update,
};
