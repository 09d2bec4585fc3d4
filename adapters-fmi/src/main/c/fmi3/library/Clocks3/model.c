/*
 * Scheduled execution with the four kinds of clock, and counters that make every activation
 * predictable from outside:
 *   tick       periodic input clock (0.5 s): ticks += 1; on every 3rd tick the countdown
 *              clock is scheduled `delay` seconds ahead; on every 2nd tick outClock ticks
 *   trigger    triggered input clock: triggers += 1, sum += increment
 *   countdown  countdown input clock, interval set by the model: countdowns += 1
 *   outClock   output clock: outTicks counts its ticks
 */
#include "model.h"

enum {
    VR_TIME, VR_TICK, VR_TRIGGER, VR_COUNTDOWN, VR_OUT_CLOCK,
    VR_TICKS, VR_TRIGGERS, VR_COUNTDOWNS, VR_OUT_TICKS, VR_INCREMENT, VR_SUM, VR_DELAY,
    N_VARIABLES
};

#define CLOCK(NAME, CAUSALITY, KIND, ...) \
    {.name = NAME, .type = TYPE_CLOCK, .causality = CAUSALITY, .variability = VARIABILITY_DISCRETE, \
     .clock = KIND, __VA_ARGS__}
#define COUNTER(NAME)                                                                  \
    {.name = NAME, .type = TYPE_INT32, .causality = CAUSALITY_OUTPUT,                  \
     .variability = VARIABILITY_DISCRETE, .initial = INITIAL_EXACT}

static const Variable VARIABLES[N_VARIABLES] = {
    [VR_TIME] = {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
                 .variability = VARIABILITY_CONTINUOUS},
    [VR_TICK] = CLOCK("tick", CAUSALITY_INPUT, CLOCK_PERIODIC, .interval = 0.5),
    [VR_TRIGGER] = CLOCK("trigger", CAUSALITY_INPUT, CLOCK_TRIGGERED),
    [VR_COUNTDOWN] = CLOCK("countdown", CAUSALITY_INPUT, CLOCK_COUNTDOWN),
    [VR_OUT_CLOCK] = CLOCK("outClock", CAUSALITY_OUTPUT, CLOCK_TRIGGERED),
    [VR_TICKS] = COUNTER("ticks"),
    [VR_TRIGGERS] = COUNTER("triggers"),
    [VR_COUNTDOWNS] = COUNTER("countdowns"),
    [VR_OUT_TICKS] = COUNTER("outTicks"),
    [VR_INCREMENT] = {.name = "increment", .type = TYPE_INT32, .causality = CAUSALITY_INPUT,
                      .variability = VARIABILITY_DISCRETE, .startInt = 1},
    [VR_SUM] = COUNTER("sum"),
    [VR_DELAY] = {.name = "delay", .type = TYPE_FLOAT64, .causality = CAUSALITY_PARAMETER,
                  .variability = VARIABILITY_FIXED, .initial = INITIAL_EXACT, .start = 0.2},
};

static fmi3Status initialize(ModelInstance *inst) {
    if (!(V(inst, VR_DELAY).f > 0)) {
        log_error(inst, "delay must be positive, got %g", V(inst, VR_DELAY).f);
        return fmi3Error;
    }
    return fmi3OK;
}

/* Partitions of different priorities may preempt each other in a real-time importer, so the
   counters shared between them change only under the importer's preemption lock. */
static void lock(ModelInstance *inst) {
    if (inst->lockPreemption) inst->lockPreemption();
}

static void unlock(ModelInstance *inst) {
    if (inst->unlockPreemption) inst->unlockPreemption();
}

static fmi3Status activate(ModelInstance *inst, fmi3ValueReference clock, double time) {
    int64_t ticks;

    lock(inst);
    switch (clock) {
    case VR_TICK:
        ticks = ++V(inst, VR_TICKS).i;
        unlock(inst);
        if (ticks % 3 == 0) {
            countdown_schedule(inst, VR_COUNTDOWN, V(inst, VR_DELAY).f);
            log_event(inst, "countdown scheduled at t=%g for t=%g", time, time + V(inst, VR_DELAY).f);
        }
        if (ticks % 2 == 0) {
            lock(inst);
            V(inst, VR_OUT_TICKS).i++;
            unlock(inst);
            clock_tick(inst, VR_OUT_CLOCK);
        }
        return fmi3OK;
    case VR_TRIGGER:
        V(inst, VR_TRIGGERS).i++;
        V(inst, VR_SUM).i = (int32_t)(V(inst, VR_SUM).i + V(inst, VR_INCREMENT).i);
        break;
    case VR_COUNTDOWN:
        V(inst, VR_COUNTDOWNS).i++;
        break;
    default:
        break;
    }
    unlock(inst);
    return fmi3OK;
}

const Model MODEL = {
    .variables = VARIABLES,
    .nVariables = N_VARIABLES,
    .scheduledExecution = true,
    .initialize = initialize,
    .activatePartition = activate,
};
