/* A linear state-space system with array variables:
       der(x) = A x + B u,   y = C x + D u,
   with N states, M inputs and N outputs; A, B, C, D are array parameters, row-major. */
#include "model.h"

#define N 3 /* states and outputs */
#define M 2 /* inputs */

enum { VR_TIME, VR_A, VR_B, VR_C, VR_D, VR_U, VR_X, VR_DER_X, VR_Y, N_VARIABLES };

static const double A0[N * N] = {-1, 0, 0, 0, -2, 0, 0, 0, -3};
static const double B0[N * M] = {1, 0, 0, 1, 1, 1};
static const double C0[N * N] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
static const double X0[N] = {1, 1, 1};

#define PARAMETER(NAME, SIZE, STARTS)                                                                \
    {.name = NAME, .type = TYPE_FLOAT64, .causality = CAUSALITY_PARAMETER,                           \
     .variability = VARIABILITY_FIXED, .initial = INITIAL_EXACT, .size = SIZE, .starts = STARTS}

static const Variable VARIABLES[N_VARIABLES] = {
    [VR_TIME] = {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
                 .variability = VARIABILITY_CONTINUOUS},
    [VR_A] = PARAMETER("A", N * N, A0),
    [VR_B] = PARAMETER("B", N * M, B0),
    [VR_C] = PARAMETER("C", N * N, C0),
    [VR_D] = PARAMETER("D", N * M, NULL), /* all zero: no direct feedthrough by default */
    [VR_U] = {.name = "u", .type = TYPE_FLOAT64, .causality = CAUSALITY_INPUT,
              .variability = VARIABILITY_CONTINUOUS, .size = M},
    [VR_X] = {.name = "x", .type = TYPE_FLOAT64, .causality = CAUSALITY_LOCAL,
              .variability = VARIABILITY_CONTINUOUS, .initial = INITIAL_EXACT, .size = N, .starts = X0},
    [VR_DER_X] = {.name = "der(x)", .type = TYPE_FLOAT64, .causality = CAUSALITY_LOCAL,
                  .variability = VARIABILITY_CONTINUOUS, .initial = INITIAL_CALCULATED, .size = N},
    [VR_Y] = {.name = "y", .type = TYPE_FLOAT64, .causality = CAUSALITY_OUTPUT,
              .variability = VARIABILITY_CONTINUOUS, .initial = INITIAL_CALCULATED, .size = N},
};

static const fmi3ValueReference STATES[] = {VR_X};
static const fmi3ValueReference DERIVATIVES[] = {VR_DER_X};

static double at(ModelInstance *inst, fmi3ValueReference vr, size_t k) { return E(inst, vr, k).f; }

static fmi3Status calculate(ModelInstance *inst) {
    for (size_t i = 0; i < N; i++) {
        double dx = 0, y = 0;
        for (size_t j = 0; j < N; j++) {
            dx += at(inst, VR_A, i * N + j) * at(inst, VR_X, j);
            y += at(inst, VR_C, i * N + j) * at(inst, VR_X, j);
        }
        for (size_t j = 0; j < M; j++) {
            dx += at(inst, VR_B, i * M + j) * at(inst, VR_U, j);
            y += at(inst, VR_D, i * M + j) * at(inst, VR_U, j);
        }
        E(inst, VR_DER_X, i).f = dx;
        E(inst, VR_Y, i).f = y;
    }
    return fmi3OK;
}

/* The Jacobian of a linear system is its matrices, so directional derivatives cost nothing. */
static fmi3Status partial_derivative(ModelInstance *inst, fmi3ValueReference unknown, size_t ku,
                                     fmi3ValueReference known, size_t kk, double *value) {
    bool state = unknown == VR_DER_X, output = unknown == VR_Y;

    if ((state || output) && known == VR_X) *value = at(inst, state ? VR_A : VR_C, ku * N + kk);
    else if ((state || output) && known == VR_U) *value = at(inst, state ? VR_B : VR_D, ku * M + kk);
    else *value = unknown == known && ku == kk ? 1 : 0;
    return fmi3OK;
}

const Model MODEL = {
    .variables = VARIABLES,
    .nVariables = N_VARIABLES,
    .modelExchange = true,
    .coSimulation = true,
    .states = STATES,
    .derivatives = DERIVATIVES,
    .nStateVariables = 1,
    .maxSubstep = 1e-3,
    .calculate = calculate,
    .partialDerivative = partial_derivative,
};
