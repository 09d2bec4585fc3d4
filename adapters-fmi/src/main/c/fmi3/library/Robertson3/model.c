/* Robertson's stiff chemical kinetics (three species, rate constants spanning nine orders of
   magnitude), for stiff solvers that use the exact Jacobian:
       y1' = -k1 y1 + k3 y2 y3
       y2' =  k1 y1 - k3 y2 y3 - k2 y2^2
       y3' =  k2 y2^2
   Model exchange only: a fixed-step co-simulation driver would be the wrong tool for it. */
#include "model.h"

enum { VR_TIME, VR_Y1, VR_Y2, VR_Y3, VR_DER_Y1, VR_DER_Y2, VR_DER_Y3, VR_K1, VR_K2, VR_K3, N_VARIABLES };

#define STATE(NAME, START)                                                                      \
    {.name = NAME, .type = TYPE_FLOAT64, .causality = CAUSALITY_OUTPUT,                         \
     .variability = VARIABILITY_CONTINUOUS, .initial = INITIAL_EXACT, .start = START}
#define DERIVATIVE(NAME)                                                                        \
    {.name = NAME, .type = TYPE_FLOAT64, .causality = CAUSALITY_LOCAL,                          \
     .variability = VARIABILITY_CONTINUOUS, .initial = INITIAL_CALCULATED}
#define RATE(NAME, START)                                                                       \
    {.name = NAME, .type = TYPE_FLOAT64, .causality = CAUSALITY_PARAMETER,                      \
     .variability = VARIABILITY_FIXED, .initial = INITIAL_EXACT, .start = START}

static const Variable VARIABLES[N_VARIABLES] = {
    [VR_TIME] = {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
                 .variability = VARIABILITY_CONTINUOUS},
    [VR_Y1] = STATE("y1", 1), [VR_Y2] = STATE("y2", 0), [VR_Y3] = STATE("y3", 0),
    [VR_DER_Y1] = DERIVATIVE("der(y1)"), [VR_DER_Y2] = DERIVATIVE("der(y2)"),
    [VR_DER_Y3] = DERIVATIVE("der(y3)"),
    [VR_K1] = RATE("k1", 0.04), [VR_K2] = RATE("k2", 3e7), [VR_K3] = RATE("k3", 1e4),
};

static const fmi3ValueReference STATES[] = {VR_Y1, VR_Y2, VR_Y3};
static const fmi3ValueReference DERIVATIVES[] = {VR_DER_Y1, VR_DER_Y2, VR_DER_Y3};

#define F(vr) V(inst, vr).f

static fmi3Status calculate(ModelInstance *inst) {
    double y1 = F(VR_Y1), y2 = F(VR_Y2), y3 = F(VR_Y3), k1 = F(VR_K1), k2 = F(VR_K2), k3 = F(VR_K3);

    F(VR_DER_Y1) = -k1 * y1 + k3 * y2 * y3;
    F(VR_DER_Y2) = k1 * y1 - k3 * y2 * y3 - k2 * y2 * y2;
    F(VR_DER_Y3) = k2 * y2 * y2;
    return fmi3OK;
}

/* The exact Jacobian with respect to the states, and the sensitivities to the rate constants. */
static fmi3Status partial_derivative(ModelInstance *inst, fmi3ValueReference unknown, size_t ku,
                                     fmi3ValueReference known, size_t kk, double *value) {
    double y1 = F(VR_Y1), y2 = F(VR_Y2), y3 = F(VR_Y3), k1 = F(VR_K1), k2 = F(VR_K2), k3 = F(VR_K3);
    /* Rows der(y1..3); columns y1, y2, y3, k1, k2, k3. */
    const double jacobian[3][6] = {
        {-k1, k3 * y3, k3 * y2, -y1, 0, y2 * y3},
        {k1, -k3 * y3 - 2 * k2 * y2, -k3 * y2, y1, -y2 * y2, -y2 * y3},
        {0, 2 * k2 * y2, 0, 0, y2 * y2, 0},
    };
    int row = unknown >= VR_DER_Y1 && unknown <= VR_DER_Y3 ? (int)(unknown - VR_DER_Y1) : -1;
    int column = known >= VR_Y1 && known <= VR_Y3 ? (int)(known - VR_Y1)
                 : known >= VR_K1 && known <= VR_K3 ? 3 + (int)(known - VR_K1) : -1;

    (void)ku;
    (void)kk;
    if (row >= 0 && column >= 0) *value = jacobian[row][column];
    else *value = unknown == known ? 1 : 0;
    return fmi3OK;
}

const Model MODEL = {
    .variables = VARIABLES,
    .nVariables = N_VARIABLES,
    .modelExchange = true,
    .states = STATES,
    .derivatives = DERIVATIVES,
    .nStateVariables = 3,
    .calculate = calculate,
    .partialDerivative = partial_derivative,
};
