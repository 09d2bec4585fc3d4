/*
 * Test fixture, never part of the model library: a clock whose fmi2DoStep fails once a step would
 * end past fail_at, with fmi2Discard when discard is 1, else with fmi2Error (logged). The engine
 * must end the run at its last sample on a discard, and report the failing call and its time on
 * an error, whichever way it steps.
 */
#include "model.h"

enum { VR_CLOCK, VR_FAIL_AT, VR_DISCARD, N_REALS };

static const Variable REALS[N_REALS] = {
    [VR_CLOCK] = {"clock", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, 0.0, NULL},
    [VR_FAIL_AT] = {"fail_at", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0.5, NULL},
    [VR_DISCARD] = {"discard", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0.0, NULL},
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

const Model MODEL = {.reals = REALS, .nReals = N_REALS, .doStep = do_step};
