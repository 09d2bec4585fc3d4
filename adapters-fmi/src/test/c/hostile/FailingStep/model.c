/*
 * Test fixture, never part of the model library: a clock whose fmi2DoStep fails once a step would
 * end past fail_at, with fmi2Discard when discard is 1, else with fmi2Error (logged). By model
 * exchange (it has no states), fmi2CompletedIntegratorStep asks for event mode at every step ending
 * past step_event_at (until the event has been handled once), and to terminate at one past
 * terminate_at. The engine must end the run at its last sample on a discard or a termination,
 * handle a step event, and report the failing call and its time on an error, whichever way it
 * steps or calls.
 */
#include "model.h"

enum { VR_CLOCK, VR_FAIL_AT, VR_DISCARD, VR_STEP_EVENT_AT, VR_TERMINATE_AT, N_REALS };

/* Model exchange: whether the step event has been handled. */
typedef struct {
    bool stepEventHandled;
} Private;

static const Variable REALS[N_REALS] = {
    [VR_CLOCK] = {"clock", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, 0.0, NULL},
    [VR_FAIL_AT] = {"fail_at", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0.5, NULL},
    [VR_DISCARD] = {"discard", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0.0, NULL},
    [VR_STEP_EVENT_AT] = {"step_event_at", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT,
                          1e300, NULL},
    [VR_TERMINATE_AT] = {"terminate_at", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT,
                         1e300, NULL},
};

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    double *r = inst->r;

    if (tEnd > r[VR_FAIL_AT]) {
        if (r[VR_DISCARD] == 1) return fmi2Discard;
        log_error(inst, "the step to %g passes fail_at %g", tEnd, r[VR_FAIL_AT]);
        return fmi2Error;
    }
    r[VR_CLOCK] = tEnd;
    return fmi2OK;
}

static void event_update(ModelInstance *inst, bool timeEvent, fmi2EventInfo *info) {
    (void)timeEvent;
    Private *p = inst->model;
    if (inst->time > inst->r[VR_STEP_EVENT_AT]) p->stepEventHandled = true;
    info->terminateSimulation = inst->time > inst->r[VR_TERMINATE_AT] ? fmi2True : fmi2False;
}

static void completed_step(ModelInstance *inst, bool *enterEventMode, bool *terminateSimulation) {
    Private *p = inst->model;
    *enterEventMode = inst->time > inst->r[VR_STEP_EVENT_AT] && !p->stepEventHandled;
    *terminateSimulation = inst->time > inst->r[VR_TERMINATE_AT];
}

const Model MODEL = {.reals = REALS,
                     .nReals = N_REALS,
                     .privateSize = sizeof(Private),
                     .doStep = do_step,
                     .eventUpdate = event_update,
                     .completedStep = completed_step};
