/* Robertson's stiff chemical kinetics: three species, rate constants nine orders of magnitude
   apart, so explicit solvers crawl at the step size the fast reaction allows.
       der(y1) = -k1 y1 + k3 y2 y3
       der(y2) =  k1 y1 - k3 y2 y3 - k2 y2^2
       der(y3) =  k2 y2^2
   Meant for model exchange with a stiff solver; the exact Jacobian comes through
   fmi2GetDirectionalDerivative (providesDirectionalDerivative). Co-simulation takes linearly implicit
   (Rosenbrock-W 2) substeps of at most 2 % of the elapsed time with the exact Jacobian and no
   error control (y1 within 1e-7 of the reference at t = 40 with 0.4 s steps; no error
   estimate, so no promise for other settings). */
#include <math.h>

#include "model.h"

enum { VR_Y1, VR_DER_Y1, VR_Y2, VR_DER_Y2, VR_Y3, VR_DER_Y3, VR_K1, VR_K2, VR_K3, N_REALS };

#define STATE(NAME, START) {NAME, CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_EXACT, START, NULL}
#define DERIVATIVE(NAME) {NAME, CAUSALITY_LOCAL, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL}
#define RATE(NAME, START) {NAME, CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, START, NULL}

static const Variable REALS[N_REALS] = {
    [VR_Y1] = STATE("y1", 1), [VR_DER_Y1] = DERIVATIVE("der(y1)"),
    [VR_Y2] = STATE("y2", 0), [VR_DER_Y2] = DERIVATIVE("der(y2)"),
    [VR_Y3] = STATE("y3", 0), [VR_DER_Y3] = DERIVATIVE("der(y3)"),
    [VR_K1] = RATE("k1", 0.04), [VR_K2] = RATE("k2", 3e7), [VR_K3] = RATE("k3", 1e4),
};

static const fmi2ValueReference STATES[] = {VR_Y1, VR_Y2, VR_Y3};
static const fmi2ValueReference DERIVATIVES[] = {VR_DER_Y1, VR_DER_Y2, VR_DER_Y3};

static void rhs(const double *r, const double y[3], double f[3]) {
    f[0] = -r[VR_K1] * y[0] + r[VR_K3] * y[1] * y[2];
    f[1] = r[VR_K1] * y[0] - r[VR_K3] * y[1] * y[2] - r[VR_K2] * y[1] * y[1];
    f[2] = r[VR_K2] * y[1] * y[1];
}

static fmi2Status calculate(ModelInstance *inst) {
    double *r = inst->r, y[3] = {r[VR_Y1], r[VR_Y2], r[VR_Y3]}, f[3];

    rhs(r, y, f);
    r[VR_DER_Y1] = f[0];
    r[VR_DER_Y2] = f[1];
    r[VR_DER_Y3] = f[2];
    return fmi2OK;
}

/* The exact Jacobian d(der(y_i))/d(y_j), for fmi2GetDirectionalDerivative and the
   co-simulation substeps alike. */
static void jacobian(const double *r, const double y[3], double jac[3][3]) {
    double k1 = r[VR_K1], k2 = r[VR_K2], k3 = r[VR_K3];

    jac[0][0] = -k1;
    jac[0][1] = k3 * y[2];
    jac[0][2] = k3 * y[1];
    jac[1][0] = k1;
    jac[1][1] = -k3 * y[2] - 2 * k2 * y[1];
    jac[1][2] = -k3 * y[1];
    jac[2][0] = 0;
    jac[2][1] = 2 * k2 * y[1];
    jac[2][2] = 0;
}

static double partial_derivative(const ModelInstance *inst, size_t i, size_t j) {
    const double *r = inst->r;
    double y[3] = {r[VR_Y1], r[VR_Y2], r[VR_Y3]}, jac[3][3];

    jacobian(r, y, jac);
    return jac[i][j];
}

/* Solves a x = b in place (b becomes x) by Gaussian elimination with partial pivoting. */
static int solve3(double a[3][3], double b[3]) {
    for (int k = 0; k < 3; k++) {
        int p = k;
        for (int i = k + 1; i < 3; i++)
            if (fabs(a[i][k]) > fabs(a[p][k])) p = i;
        if (a[p][k] == 0) return 0;
        for (int j = 0; j < 3; j++) {
            double t = a[k][j];
            a[k][j] = a[p][j];
            a[p][j] = t;
        }
        double t = b[k];
        b[k] = b[p];
        b[p] = t;
        for (int i = k + 1; i < 3; i++) {
            double m = a[i][k] / a[k][k];
            for (int j = k; j < 3; j++) a[i][j] -= m * a[k][j];
            b[i] -= m * b[k];
        }
    }
    for (int i = 2; i >= 0; i--) {
        for (int j = i + 1; j < 3; j++) b[i] -= a[i][j] * b[j];
        b[i] /= a[i][i];
    }
    return 1;
}

/* One step of the two-stage Rosenbrock-W method of order 2 (ode23s without its estimate). */
static int rosenbrock_step(const double *r, double y[3], double h) {
    const double d = 1 / (2 + sqrt(2));
    double jac[3][3], w[3][3], s1[3], s2[3], ymid[3], f1[3];

    jacobian(r, y, jac);

    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) w[i][j] = (i == j) - h * d * jac[i][j];
    rhs(r, y, s1);
    if (!solve3(w, s1)) return 0;
    for (int i = 0; i < 3; i++) ymid[i] = y[i] + 0.5 * h * s1[i];
    rhs(r, ymid, f1);
    for (int i = 0; i < 3; i++) {
        s2[i] = f1[i] - s1[i];
        for (int j = 0; j < 3; j++) w[i][j] = (i == j) - h * d * jac[i][j];
    }
    if (!solve3(w, s2)) return 0;
    for (int i = 0; i < 3; i++) y[i] += h * (s2[i] + s1[i]);
    return 1;
}

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    double *r = inst->r, y[3] = {r[VR_Y1], r[VR_Y2], r[VR_Y3]}, t = inst->time;

    while (t < tEnd) {
        double h = fmin(tEnd - t, fmax(1e-6, 0.02 * t));
        if (!rosenbrock_step(r, y, h)) {
            log_error(inst, "singular iteration matrix at t=%g", t);
            return fmi2Error;
        }
        t = tEnd - t <= h ? tEnd : t + h;
    }
    r[VR_Y1] = y[0];
    r[VR_Y2] = y[1];
    r[VR_Y3] = y[2];
    inst->time = tEnd;
    inst->dirty = true;
    return fmi2OK;
}

const Model MODEL = {
    .reals = REALS,
    .nReals = N_REALS,
    .states = STATES,
    .derivatives = DERIVATIVES,
    .nStates = 3,
    .calculate = calculate,
    .partialDerivative = partial_derivative,
    .doStep = do_step,
};
