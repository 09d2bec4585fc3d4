/* A ball falls from height h and bounces with restitution e until it comes to rest. */
#include <math.h>

#include "model.h"

enum { VR_H, VR_DER_H, VR_V, VR_DER_V, VR_G, VR_E, N_REALS };

/* Below this rebound speed (m/s) the ball rests. Otherwise the bounces, each shorter by the
   factor e, would pile up infinitely often before a finite time (Zeno behaviour). */
#define V_MIN 0.1

typedef struct {
    bool resting;
} Ball;

static const Variable REALS[N_REALS] = {
    [VR_H] = {"h", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, 1.0, NULL},
    [VR_DER_H] = {"der(h)", CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_V] = {"v", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, 0.0, NULL},
    [VR_DER_V] = {"der(v)", CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
    [VR_G] = {"g", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 9.81, NULL},
    [VR_E] = {"e", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0.7, NULL},
};

static const fmi2ValueReference STATES[] = {VR_H, VR_V};
static const fmi2ValueReference DERIVATIVES[] = {VR_DER_H, VR_DER_V};

static fmi2Status initialize(ModelInstance *inst) {
    const double *r = inst->r;

    if (!(r[VR_G] > 0)) {
        log_error(inst, "g must be positive, got %g", r[VR_G]);
        return fmi2Error;
    }
    if (!(r[VR_E] >= 0 && r[VR_E] <= 1)) {
        log_error(inst, "e must be between 0 and 1, got %g", r[VR_E]);
        return fmi2Error;
    }
    if (!(r[VR_H] >= 0)) {
        log_error(inst, "h must not start below the ground, got %g", r[VR_H]);
        return fmi2Error;
    }
    ((Ball *)inst->model)->resting = false;
    return fmi2OK;
}

static fmi2Status calculate(ModelInstance *inst) {
    bool resting = ((Ball *)inst->model)->resting;

    inst->r[VR_DER_H] = resting ? 0 : inst->r[VR_V];
    inst->r[VR_DER_V] = resting ? 0 : -inst->r[VR_G];
    return fmi2OK;
}

static void event_indicators(ModelInstance *inst, fmi2Real z[]) {
    /* At rest the indicator is parked at a positive constant, so it never crosses again. */
    z[0] = ((Ball *)inst->model)->resting ? 1.0 : inst->r[VR_H];
}

/* The ball reaches the ground with the given speed at inst->time. */
static void impact(ModelInstance *inst, double speed) {
    Ball *ball = inst->model;

    inst->r[VR_H] = 0;
    inst->r[VR_V] = inst->r[VR_E] * speed;
    if (inst->r[VR_V] < V_MIN) {
        ball->resting = true;
        inst->r[VR_V] = 0;
        log_event(inst, "ball comes to rest at t=%.17g", inst->time);
    } else {
        log_event(inst, "ball bounces at t=%.17g, rebound speed %g m/s", inst->time, inst->r[VR_V]);
    }
}

static void event_update(ModelInstance *inst, bool timeEvent, fmi2EventInfo *info) {
    (void)timeEvent;
    /* h <= 0 while not rising: covers the importer's overshoot below ground and a ball
       started on the ground. Upward crossings (spurious events) change nothing. */
    if (!((Ball *)inst->model)->resting && inst->r[VR_H] <= 0 && inst->r[VR_V] <= 0) {
        impact(inst, -inst->r[VR_V]);
        info->valuesOfContinuousStatesChanged = fmi2True;
    }
}

/* Exact co-simulation step: free flight is a parabola, so each impact time is the root of a
   quadratic and any number of bounces within one step lands at the right instants. */
static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    double *r = inst->r, g = r[VR_G];

    while (!((Ball *)inst->model)->resting) {
        double h = fmax(r[VR_H], 0), v = r[VR_V], dt = tEnd - inst->time;
        double speed = sqrt(fmax(v * v + 2 * g * h, 0)); /* energy conservation */
        /* Positive root of h + v s - g s^2 / 2 = 0; the falling form avoids cancellation. */
        double toGround = v > 0 ? (v + speed) / g : (h > 0 ? 2 * h / (speed - v) : 0);

        if (toGround > dt) {
            r[VR_H] = h + v * dt - g * dt * dt / 2;
            r[VR_V] = v - g * dt;
            break;
        }
        inst->time += toGround;
        impact(inst, speed);
    }
    inst->time = tEnd;
    inst->dirty = true;
    return fmi2OK;
}

const Model MODEL = {
    .reals = REALS,
    .nReals = N_REALS,
    .states = STATES,
    .derivatives = DERIVATIVES,
    .nStates = 2,
    .nEventIndicators = 1,
    .privateSize = sizeof(Ball),
    .initialize = initialize,
    .calculate = calculate,
    .eventIndicators = event_indicators,
    .eventUpdate = event_update,
    .doStep = do_step,
};
