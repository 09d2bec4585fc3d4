/* A ball falls from height h and bounces with restitution e until it comes to rest: the same
   equations as the FMI 2.0 library's BouncingBall, so the two standards can be compared on one
   model. */
#include <math.h>

#include "model.h"

enum { VR_TIME, VR_H, VR_DER_H, VR_V, VR_DER_V, VR_G, VR_E, N_VARIABLES };

/* Below this rebound speed (m/s) the ball rests. Otherwise the bounces, each shorter by the
   factor e, would pile up infinitely often before a finite time (Zeno behaviour). */
#define V_MIN 0.1

typedef struct {
    bool resting;
} Ball;

#define REAL(NAME, CAUSALITY, VARIABILITY, INITIAL, START)                                   \
    {.name = NAME, .type = TYPE_FLOAT64, .causality = CAUSALITY, .variability = VARIABILITY, \
     .initial = INITIAL, .start = START}

static const Variable VARIABLES[N_VARIABLES] = {
    [VR_TIME] = {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
                 .variability = VARIABILITY_CONTINUOUS},
    [VR_H] = REAL("h", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, 1.0),
    [VR_DER_H] = REAL("der(h)", CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0),
    [VR_V] = REAL("v", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, 0.0),
    [VR_DER_V] = REAL("der(v)", CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0),
    [VR_G] = REAL("g", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 9.81),
    [VR_E] = REAL("e", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0.7),
};

static const fmi3ValueReference STATES[] = {VR_H, VR_V};
static const fmi3ValueReference DERIVATIVES[] = {VR_DER_H, VR_DER_V};

static bool resting(ModelInstance *inst) { return ((Ball *)inst->model)->resting; }

static fmi3Status initialize(ModelInstance *inst) {
    double g = V(inst, VR_G).f, e = V(inst, VR_E).f, h = V(inst, VR_H).f;

    if (!(g > 0)) {
        log_error(inst, "g must be positive, got %g", g);
        return fmi3Error;
    }
    if (!(e >= 0 && e <= 1)) {
        log_error(inst, "e must be between 0 and 1, got %g", e);
        return fmi3Error;
    }
    if (!(h >= 0)) {
        log_error(inst, "h must not start below the ground, got %g", h);
        return fmi3Error;
    }
    ((Ball *)inst->model)->resting = false;
    return fmi3OK;
}

static fmi3Status calculate(ModelInstance *inst) {
    V(inst, VR_DER_H).f = resting(inst) ? 0 : V(inst, VR_V).f;
    V(inst, VR_DER_V).f = resting(inst) ? 0 : -V(inst, VR_G).f;
    return fmi3OK;
}

static void event_indicators(ModelInstance *inst, double z[]) {
    /* At rest the indicator is parked at a positive constant, so it never crosses again. */
    z[0] = resting(inst) ? 1.0 : V(inst, VR_H).f;
}

/* The ball reaches the ground with the given speed at inst->time. */
static void impact(ModelInstance *inst, double speed) {
    V(inst, VR_H).f = 0;
    V(inst, VR_V).f = V(inst, VR_E).f * speed;
    if (V(inst, VR_V).f < V_MIN) {
        ((Ball *)inst->model)->resting = true;
        V(inst, VR_V).f = 0;
        log_event(inst, "ball comes to rest at t=%.17g", inst->time);
    } else {
        log_event(inst, "ball bounces at t=%.17g, rebound speed %g m/s", inst->time, V(inst, VR_V).f);
    }
}

static void event_update(ModelInstance *inst, bool timeEvent, EventInfo *info) {
    (void)timeEvent;
    /* h <= 0 while not rising: covers the importer's overshoot below ground, the exact step
       stopping on the ground and a ball started on the ground. Upward crossings change nothing. */
    if (!resting(inst) && V(inst, VR_H).f <= 0 && V(inst, VR_V).f <= 0) {
        impact(inst, -V(inst, VR_V).f);
        info->valuesOfContinuousStatesChanged = true;
    }
}

/* Exact co-simulation step: free flight is a parabola, so each impact time is the root of a
   quadratic. Stops on the ground, falling, and leaves the bounce to event_update. */
static fmi3Status do_step(ModelInstance *inst, double tEnd, bool *event) {
    double h = fmax(V(inst, VR_H).f, 0), v = V(inst, VR_V).f, g = V(inst, VR_G).f;
    double dt = tEnd - inst->time, speed, toGround;

    inst->dirty = true;
    if (resting(inst)) {
        inst->time = tEnd;
        return fmi3OK;
    }
    speed = sqrt(fmax(v * v + 2 * g * h, 0)); /* energy conservation */
    /* Positive root of h + v s - g s^2 / 2 = 0; the falling form avoids cancellation. */
    toGround = v > 0 ? (v + speed) / g : (h > 0 ? 2 * h / (speed - v) : 0);
    if (toGround > dt) {
        V(inst, VR_H).f = h + v * dt - g * dt * dt / 2;
        V(inst, VR_V).f = v - g * dt;
        inst->time = tEnd;
        return fmi3OK;
    }
    inst->time += toGround;
    V(inst, VR_H).f = 0;
    V(inst, VR_V).f = -speed;
    *event = true;
    return fmi3OK;
}

static fmi3Status partial_derivative(ModelInstance *inst, fmi3ValueReference unknown, size_t ku,
                                     fmi3ValueReference known, size_t kk, double *value) {
    bool moving = !resting(inst);

    (void)ku;
    (void)kk;
    if (unknown == VR_DER_H) *value = moving && known == VR_V ? 1 : 0;
    else if (unknown == VR_DER_V) *value = moving && known == VR_G ? -1 : 0;
    else *value = unknown == known ? 1 : 0;
    return fmi3OK;
}

const Model MODEL = {
    .variables = VARIABLES,
    .nVariables = N_VARIABLES,
    .modelExchange = true,
    .coSimulation = true,
    .states = STATES,
    .derivatives = DERIVATIVES,
    .nStateVariables = 2,
    .nEventIndicators = 1,
    .privateSize = sizeof(Ball),
    .initialize = initialize,
    .calculate = calculate,
    .eventIndicators = event_indicators,
    .eventUpdate = event_update,
    .doStep = do_step,
    .partialDerivative = partial_derivative,
};
