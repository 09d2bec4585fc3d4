/*
 * Test fixture (FMI 3.0 twin of hostile/FailingStep), never part of the model library: a clock
 * whose fmi3DoStep fails once a step would end past fail_at, with fmi3Discard when discard is 1,
 * else with fmi3Error (logged); which asks to terminate once a step ends past terminate_at (an
 * event it handles itself, whose update terminates); and whose reads (fmi3Get<Type>) fail with
 * fmi3Error (logged) once its time is past fail_read_at, in co-simulation and model exchange
 * alike (it has no states). By model exchange, fmi3CompletedIntegratorStep asks for event mode at
 * every step ending past step_event_at (until the event has been handled once), and to terminate
 * at one past terminate_at. The engine must end the run at its last sample on a discard or a
 * termination, handle a step event, and report the failing call on an error, whichever way it
 * steps or calls.
 */
#include "model.h"

enum {
    VR_TIME,
    VR_CLOCK,
    VR_FAIL_AT,
    VR_DISCARD,
    VR_TERMINATE_AT,
    VR_FAIL_READ_AT,
    VR_STEP_EVENT_AT,
    N_VARIABLES
};

/* Model exchange: whether the step event has been handled. */
typedef struct {
    bool stepEventHandled;
} Private;

#define REAL(NAME, CAUSALITY, VARIABILITY, START)                                                 \
    {.name = NAME, .type = TYPE_FLOAT64, .causality = CAUSALITY, .variability = VARIABILITY,      \
     .initial = INITIAL_EXACT, .start = START}

static const Variable VARIABLES[N_VARIABLES] = {
    [VR_TIME] = {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
                 .variability = VARIABILITY_CONTINUOUS},
    [VR_CLOCK] = REAL("clock", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, 0.0),
    [VR_FAIL_AT] = REAL("fail_at", CAUSALITY_PARAMETER, VARIABILITY_FIXED, 1e300),
    [VR_DISCARD] = REAL("discard", CAUSALITY_PARAMETER, VARIABILITY_FIXED, 0.0),
    [VR_TERMINATE_AT] = REAL("terminate_at", CAUSALITY_PARAMETER, VARIABILITY_FIXED, 1e300),
    [VR_FAIL_READ_AT] = REAL("fail_read_at", CAUSALITY_PARAMETER, VARIABILITY_FIXED, 1e300),
    [VR_STEP_EVENT_AT] = REAL("step_event_at", CAUSALITY_PARAMETER, VARIABILITY_FIXED, 1e300),
};

static fmi3Status do_step(ModelInstance *inst, double tEnd, bool *event) {
    if (tEnd > V(inst, VR_FAIL_AT).f) {
        if (V(inst, VR_DISCARD).f == 1) return fmi3Discard;
        log_error(inst, "the step to %g passes fail_at %g", tEnd, V(inst, VR_FAIL_AT).f);
        return fmi3Error;
    }
    V(inst, VR_CLOCK).f = tEnd;
    inst->time = tEnd;
    inst->dirty = true;
    *event = tEnd > V(inst, VR_TERMINATE_AT).f;
    return fmi3OK;
}

static void event_update(ModelInstance *inst, bool timeEvent, EventInfo *info) {
    (void)timeEvent;
    Private *p = inst->model;
    if (inst->time > V(inst, VR_STEP_EVENT_AT).f && !p->stepEventHandled) {
        p->stepEventHandled = true;
        log_event(inst, "the step event past step_event_at %g, at %g", V(inst, VR_STEP_EVENT_AT).f,
                  inst->time);
    }
    info->terminateSimulation = inst->time > V(inst, VR_TERMINATE_AT).f;
}

static void completed_step(ModelInstance *inst, bool *enterEventMode, bool *terminateSimulation) {
    Private *p = inst->model;
    *enterEventMode = inst->time > V(inst, VR_STEP_EVENT_AT).f && !p->stepEventHandled;
    *terminateSimulation = inst->time > V(inst, VR_TERMINATE_AT).f;
}

static fmi3Status read_values(ModelInstance *inst) {
    if (inst->time > V(inst, VR_FAIL_READ_AT).f) {
        log_error(inst, "a read at %g passes fail_read_at %g", inst->time, V(inst, VR_FAIL_READ_AT).f);
        return fmi3Error;
    }
    return fmi3OK;
}

const Model MODEL = {.variables = VARIABLES,
                     .nVariables = N_VARIABLES,
                     .modelExchange = true,
                     .coSimulation = true,
                     .doStep = do_step,
                     .privateSize = sizeof(Private),
                     .eventUpdate = event_update,
                     .read = read_values,
                     .completedStep = completed_step};
