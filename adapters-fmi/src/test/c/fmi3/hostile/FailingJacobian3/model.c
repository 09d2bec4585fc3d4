/*
 * Test fixture (FMI 3.0), never part of the model library: exponential decay, x' = -k x, by model
 * exchange only, whose exact Jacobian through fmi3GetDirectionalDerivative fails with fmi3Error
 * (logged) once its time is past fail_jacobian_at. The engine must report the failing call,
 * whichever way it calls the FMU (one native call per Jacobian, or one JNA call per column).
 */
#include "model.h"

enum { VR_TIME, VR_X, VR_DER_X, VR_K, VR_FAIL_JACOBIAN_AT, N_VARIABLES };

static const Variable VARIABLES[N_VARIABLES] = {
    [VR_TIME] = {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
                 .variability = VARIABILITY_CONTINUOUS},
    [VR_X] = {.name = "x", .type = TYPE_FLOAT64, .causality = CAUSALITY_OUTPUT,
              .variability = VARIABILITY_CONTINUOUS, .initial = INITIAL_EXACT, .start = 1},
    [VR_DER_X] = {.name = "der(x)", .type = TYPE_FLOAT64, .causality = CAUSALITY_LOCAL,
                  .variability = VARIABILITY_CONTINUOUS, .initial = INITIAL_CALCULATED},
    [VR_K] = {.name = "k", .type = TYPE_FLOAT64, .causality = CAUSALITY_PARAMETER,
              .variability = VARIABILITY_FIXED, .initial = INITIAL_EXACT, .start = 1},
    [VR_FAIL_JACOBIAN_AT] = {.name = "fail_jacobian_at", .type = TYPE_FLOAT64,
                             .causality = CAUSALITY_PARAMETER, .variability = VARIABILITY_FIXED,
                             .initial = INITIAL_EXACT, .start = 1e300},
};

static const fmi3ValueReference STATES[] = {VR_X};
static const fmi3ValueReference DERIVATIVES[] = {VR_DER_X};

static fmi3Status calculate(ModelInstance *inst) {
    V(inst, VR_DER_X).f = -V(inst, VR_K).f * V(inst, VR_X).f;
    return fmi3OK;
}

static fmi3Status partial_derivative(ModelInstance *inst, fmi3ValueReference unknown, size_t ku,
                                     fmi3ValueReference known, size_t kk, double *value) {
    (void)ku;
    (void)kk;
    if (inst->time > V(inst, VR_FAIL_JACOBIAN_AT).f) {
        log_error(inst, "a Jacobian at %g passes fail_jacobian_at %g", inst->time,
                  V(inst, VR_FAIL_JACOBIAN_AT).f);
        return fmi3Error;
    }
    if (unknown == VR_DER_X && known == VR_X) *value = -V(inst, VR_K).f;
    else *value = unknown == known ? 1 : 0;
    return fmi3OK;
}

const Model MODEL = {
    .variables = VARIABLES,
    .nVariables = N_VARIABLES,
    .modelExchange = true,
    .states = STATES,
    .derivatives = DERIVATIVES,
    .nStateVariables = 1,
    .calculate = calculate,
    .partialDerivative = partial_derivative,
};
