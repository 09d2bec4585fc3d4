/* Mass on a spring with viscous damping, driven by force F: m * a = F - c * v - k * x. */
#include "model.h"

enum { VR_X, VR_DER_X, VR_V, VR_DER_V, VR_A, VR_F, VR_M, VR_C, VR_K, VR_X0, N_REALS };

static const Variable REALS[N_REALS] = {
    [VR_X] = {"x", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_DER_X] = {"der(x)", CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_V] = {"v", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, 0.0, NULL},
    [VR_DER_V] = {"der(v)", CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_A] = {"a", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_F] = {"F", CAUSALITY_INPUT, VARIABILITY_CONTINUOUS, INITIAL_NONE, 0.0, NULL},
    [VR_M] = {"m", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 1.0, NULL},
    [VR_C] = {"c", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0.5, NULL},
    [VR_K] = {"k", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 10.0, NULL},
    /* Released from rest 1 m out, so the unforced model shows a visible damped ring-down. */
    [VR_X0] = {"x0", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 1.0, NULL},
};

static const fmi2ValueReference STATES[] = {VR_X, VR_V};
static const fmi2ValueReference DERIVATIVES[] = {VR_DER_X, VR_DER_V};

static fmi2Status initialize(ModelInstance *inst) {
    if (!(inst->r[VR_M] > 0)) {
        log_error(inst, "m must be positive, got %g", inst->r[VR_M]);
        return fmi2Error;
    }
    inst->r[VR_X] = inst->r[VR_X0];
    return fmi2OK;
}

static fmi2Status calculate(ModelInstance *inst) {
    double *r = inst->r;

    r[VR_A] = (r[VR_F] - r[VR_C] * r[VR_V] - r[VR_K] * r[VR_X]) / r[VR_M];
    r[VR_DER_X] = r[VR_V];
    r[VR_DER_V] = r[VR_A];
    return fmi2OK;
}

const Model MODEL = {
    .reals = REALS,
    .nReals = N_REALS,
    .states = STATES,
    .derivatives = DERIVATIVES,
    .nStates = 2,
    .maxSubstep = 1e-3,
    .initialize = initialize,
    .calculate = calculate,
};
