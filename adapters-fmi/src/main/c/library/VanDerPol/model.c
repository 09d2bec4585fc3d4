/* Van der Pol oscillator: der(x0) = x1, der(x1) = mu * (1 - x0^2) * x1 - x0. */
#include "model.h"

enum { VR_X0, VR_DER_X0, VR_X1, VR_DER_X1, VR_MU, N_REALS };

static const Variable REALS[N_REALS] = {
    [VR_X0] = {"x0", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, 2.0, NULL},
    [VR_DER_X0] = {"der(x0)", CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_X1] = {"x1", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, 0.0, NULL},
    [VR_DER_X1] = {"der(x1)", CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_MU] = {"mu", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 1.0, NULL},
};

static const fmi2ValueReference STATES[] = {VR_X0, VR_X1};
static const fmi2ValueReference DERIVATIVES[] = {VR_DER_X0, VR_DER_X1};

static fmi2Status calculate(ModelInstance *inst) {
    double *r = inst->r;

    r[VR_DER_X0] = r[VR_X1];
    r[VR_DER_X1] = r[VR_MU] * (1 - r[VR_X0] * r[VR_X0]) * r[VR_X1] - r[VR_X0];
    return fmi2OK;
}

const Model MODEL = {
    .reals = REALS,
    .nReals = N_REALS,
    .states = STATES,
    .derivatives = DERIVATIVES,
    .nStates = 2,
    /* RK4 at 1 ms: about 3e-12 error at t = 10 for mu = 1. Large mu makes the system stiff
       and would need smaller substeps. */
    .maxSubstep = 1e-3,
    .calculate = calculate,
};
