/* First-order lag (PT1): T * der(y) = K * u - y, starting from y0. */
#include <math.h>

#include "model.h"

enum { VR_Y, VR_DER_Y, VR_U, VR_T, VR_K, VR_Y0, N_REALS };

static const Variable REALS[N_REALS] = {
    [VR_Y] = {"y", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_DER_Y] = {"der(y)", CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_U] = {"u", CAUSALITY_INPUT, VARIABILITY_CONTINUOUS, INITIAL_NONE, 0.0, NULL},
    [VR_T] = {"T", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 1.0, NULL},
    [VR_K] = {"K", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 1.0, NULL},
    [VR_Y0] = {"y0", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0.0, NULL},
};

static const fmi2ValueReference STATES[] = {VR_Y};
static const fmi2ValueReference DERIVATIVES[] = {VR_DER_Y};

static fmi2Status initialize(ModelInstance *inst) {
    if (!(inst->r[VR_T] > 0)) {
        log_error(inst, "T must be positive, got %g", inst->r[VR_T]);
        return fmi2Error;
    }
    inst->r[VR_Y] = inst->r[VR_Y0];
    return fmi2OK;
}

static fmi2Status calculate(ModelInstance *inst) {
    double *r = inst->r;

    r[VR_DER_Y] = (r[VR_K] * r[VR_U] - r[VR_Y]) / r[VR_T];
    return fmi2OK;
}

/* Exact for an input held over the step, so results match the analytic solution. */
static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    double *r = inst->r, target = r[VR_K] * r[VR_U];

    r[VR_Y] = target + (r[VR_Y] - target) * exp(-(tEnd - inst->time) / r[VR_T]);
    inst->time = tEnd;
    inst->dirty = true;
    return fmi2OK;
}

const Model MODEL = {
    .reals = REALS,
    .nReals = N_REALS,
    .states = STATES,
    .derivatives = DERIVATIVES,
    .nStates = 1,
    .initialize = initialize,
    .calculate = calculate,
    .doStep = do_step,
};
