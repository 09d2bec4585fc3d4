/*
 * Verification harness for the built-in model library. Loads one unpacked FMU, drives it
 * through co-simulation and model exchange (explicit Euler with event handling), compares
 * results with analytic solutions and checks that misuse is refused and logged.
 *
 * Usage: harness <unpacked-fmu-dir>     exit status 0 when every check passed
 * Set HARNESS_VERBOSE=1 to see the FMU's log messages.
 */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmi2Functions.h"

#define FMI2_FUNCTIONS(X) \
    X(GetTypesPlatform) X(GetVersion) X(SetDebugLogging) X(Instantiate) X(FreeInstance) \
    X(SetupExperiment) X(EnterInitializationMode) X(ExitInitializationMode) X(Terminate) X(Reset) \
    X(GetReal) X(GetInteger) X(GetBoolean) X(GetString) X(SetReal) X(SetInteger) X(SetBoolean) \
    X(SetString) X(GetFMUstate) X(SetFMUstate) X(FreeFMUstate) X(SerializedFMUstateSize) \
    X(SerializeFMUstate) X(DeSerializeFMUstate) X(GetDirectionalDerivative) X(EnterEventMode) \
    X(NewDiscreteStates) X(EnterContinuousTimeMode) X(CompletedIntegratorStep) X(SetTime) \
    X(SetContinuousStates) X(GetDerivatives) X(GetEventIndicators) X(GetContinuousStates) \
    X(GetNominalsOfContinuousStates) X(SetRealInputDerivatives) X(GetRealOutputDerivatives) \
    X(DoStep) X(CancelStep) X(GetStatus) X(GetRealStatus) X(GetIntegerStatus) X(GetBooleanStatus) \
    X(GetStringStatus)

static struct {
#define DECLARE(name) fmi2##name##TYPE *name;
    FMI2_FUNCTIONS(DECLARE)
} fmi;

static char guid[128], modelName[128];
static size_t nStates, nIndicators; /* from modelDescription.xml */
static int failures, errorsLogged;

static fmi2Boolean verbose(void) { return getenv("HARNESS_VERBOSE") != NULL; }

static void logger(fmi2ComponentEnvironment env, fmi2String name, fmi2Status status, fmi2String category,
                   fmi2String message, ...) {
    char text[2048];
    va_list args;

    (void)env;
    va_start(args, message);
    vsnprintf(text, sizeof text, message, args);
    va_end(args);
    if (status == fmi2Error) errorsLogged++;
    if (verbose()) printf("    log [%s] %s: %s\n", category, name, text);
}

static const fmi2CallbackFunctions CALLBACKS = {logger, calloc, free, NULL, NULL};

static void check(bool ok, const char *format, ...) {
    va_list args;

    printf(ok ? "  ok   " : "  FAIL ");
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
    printf("\n");
    if (!ok) failures++;
}

/* The call must fail with fmi2Error and say why through the logger. */
static void refused(fmi2Status status, int errorsBefore, const char *what) {
    check(status == fmi2Error && errorsLogged > errorsBefore, "refused and logged: %s", what);
}

static void load(const char *dir) {
    char path[4096], xml[65536];
    FILE *file;
    size_t n;
    void *lib;
    const char *p;

    snprintf(path, sizeof path, "%s/modelDescription.xml", dir);
    if (!(file = fopen(path, "r"))) { perror(path); exit(2); }
    n = fread(xml, 1, sizeof xml - 1, file);
    xml[n] = '\0';
    fclose(file);
    if (!(p = strstr(xml, "guid=\"")) || sscanf(p, "guid=\"%127[^\"]", guid) != 1 ||
        !(p = strstr(xml, "modelName=\"")) || sscanf(p, "modelName=\"%127[^\"]", modelName) != 1) {
        fprintf(stderr, "%s: no guid or modelName\n", path);
        exit(2);
    }
    if ((p = strstr(xml, "numberOfEventIndicators=\""))) nIndicators = strtoul(p + 25, NULL, 10);
    for (p = xml; (p = strstr(p, " derivative=\"")); p++) nStates++;
    snprintf(path, sizeof path, "%s/binaries/linux64/%s.so", dir, modelName);
    if (!(lib = dlopen(path, RTLD_NOW | RTLD_LOCAL))) { fprintf(stderr, "%s\n", dlerror()); exit(2); }
#define LOAD(name) \
    if (!(*(void **)&fmi.name = dlsym(lib, "fmi2" #name))) check(false, "symbol fmi2" #name " exported");
    FMI2_FUNCTIONS(LOAD)
}

static fmi2Component start(fmi2Type type, double startTime) {
    fmi2Component c = fmi.Instantiate("harness", type, guid, "", &CALLBACKS, fmi2False, verbose());
    if (!c) { check(false, "fmi2Instantiate"); exit(1); }
    fmi.SetupExperiment(c, fmi2False, 0, startTime, fmi2False, 0);
    fmi.EnterInitializationMode(c);
    return c;
}

static double get_real(fmi2Component c, fmi2ValueReference vr) {
    fmi2Real value = NAN;
    fmi.GetReal(c, &vr, 1, &value);
    return value;
}

static void set_real(fmi2Component c, fmi2ValueReference vr, double value) {
    if (fmi.SetReal(c, &vr, 1, &value) != fmi2OK) check(false, "fmi2SetReal vr %u", vr);
}

/* ---------- model exchange: explicit Euler with time and state events ---------- */

typedef void Observer(fmi2Component c, double t, bool event, void *context);

static void me_run(fmi2Component c, double tStop, double dt, Observer *observe, void *context) {
    fmi2EventInfo info = {fmi2True, 0, 0, 0, 0, 0};
    double t = 0, x[8], dx[8], z[8], zPrev[8];
    size_t nx = nStates, nz = nIndicators;

    fmi.ExitInitializationMode(c);
    do fmi.NewDiscreteStates(c, &info); while (info.newDiscreteStatesNeeded);
    fmi.EnterContinuousTimeMode(c);
    fmi.GetContinuousStates(c, x, nx);
    fmi.GetEventIndicators(c, zPrev, nz);
    while (t < tStop - 1e-12) {
        double tNext = fmin(t + dt, tStop);
        bool timeEvent = info.nextEventTimeDefined && info.nextEventTime <= tNext;
        bool stateEvent = false;
        fmi2Boolean enter, terminate;

        if (timeEvent) tNext = info.nextEventTime;
        fmi.GetDerivatives(c, dx, nx);
        for (size_t k = 0; k < nx; k++) x[k] += (tNext - t) * dx[k];
        t = tNext;
        fmi.SetTime(c, t);
        fmi.SetContinuousStates(c, x, nx);
        fmi.CompletedIntegratorStep(c, fmi2True, &enter, &terminate);
        fmi.GetEventIndicators(c, z, nz);
        for (size_t k = 0; k < nz; k++) stateEvent |= (zPrev[k] > 0) != (z[k] > 0);
        if (timeEvent || stateEvent || enter) {
            fmi.EnterEventMode(c);
            do fmi.NewDiscreteStates(c, &info); while (info.newDiscreteStatesNeeded);
            fmi.EnterContinuousTimeMode(c);
            fmi.GetContinuousStates(c, x, nx);
            fmi.GetEventIndicators(c, z, nz);
        }
        memcpy(zPrev, z, sizeof z);
        if (observe) observe(c, t, timeEvent || stateEvent, context);
    }
}

/* ---------- BouncingBall ---------- */

enum { BB_H = 0, BB_V = 2, BB_G = 4, BB_E = 5 };

/* Closed-form reference: h0 = 1, v0 = 0, g = 9.81, e = 0.7, rest below 0.1 m/s. */
static void ball_reference(double t, double *h, double *v) {
    const double g = 9.81, e = 0.7;
    double tImpact = sqrt(2 / g), speed = sqrt(2 * g);

    if (t < tImpact) { *h = 1 - g * t * t / 2; *v = -g * t; return; }
    for (;;) {
        double up = e * speed, tNext;
        if (up < 0.1) { *h = 0; *v = 0; return; }
        tNext = tImpact + 2 * up / g;
        if (t < tNext) {
            double s = t - tImpact;
            *h = up * s - g * s * s / 2;
            *v = up - g * s;
            return;
        }
        tImpact = tNext;
        speed = up;
    }
}

typedef struct { double impacts[32]; int n; double vPrev, tPrev, zPrev; } BallLog;

static void ball_observer(fmi2Component c, double t, bool event, void *context) {
    BallLog *log = context;
    double h = get_real(c, BB_H);

    /* Interpolate the crossing between the last two Euler points for a fair estimate. */
    if (event && log->n < 32 && log->zPrev > 0) log->impacts[log->n++] = log->tPrev + log->zPrev / -log->vPrev;
    log->zPrev = h;
    log->vPrev = get_real(c, BB_V);
    log->tPrev = t;
}

static void test_bouncing_ball(void) {
    const double g = 9.81, t1 = sqrt(2 / g), t2 = t1 + 2 * 0.7 * sqrt(2 * g) / g;
    double impacts[32], maxError = 0, vPrev = 0, t = 0;
    int n = 0, errors;
    fmi2Component c = start(fmi2CoSimulation, 0);
    BallLog log = {{0}, 0, 0, 0, 1};

    fmi.ExitInitializationMode(c);
    for (int k = 1; k <= 300; k++) {
        double h, v, hRef, vRef;
        fmi.DoStep(c, t, 0.01, fmi2True);
        t += 0.01; /* accumulated the way many importers do */
        h = get_real(c, BB_H);
        v = get_real(c, BB_V);
        ball_reference(t, &hRef, &vRef);
        maxError = fmax(maxError, fmax(fabs(h - hRef), fabs(v - vRef)));
        /* Only a bounce raises v; the flight since then dates the impact exactly. */
        if (v > vPrev + 1e-9 && n < 32) impacts[n++] = t - (sqrt(v * v + 2 * g * h) - v) / g;
        vPrev = v;
    }
    check(n >= 2 && fabs(impacts[0] - t1) < 1e-12, "CS first impact %.15f s, expected %.15f", impacts[0], t1);
    check(n >= 2 && fabs(impacts[1] - t2) < 1e-12, "CS second impact %.15f s, expected %.15f", impacts[1], t2);
    check(maxError < 1e-12, "CS h, v within %.1e of the closed form over 300 steps of 0.01 s", maxError);
    check(get_real(c, BB_H) == 0 && get_real(c, BB_V) == 0, "CS ball rests at t=3 (%d bounces seen)", n);

    errors = errorsLogged;
    refused(fmi.SetReal(c, (fmi2ValueReference[]){BB_H}, 1, (fmi2Real[]){2}), errors, "fmi2SetReal on output h after init");
    errors = errorsLogged;
    refused(fmi.SetReal(c, (fmi2ValueReference[]){BB_G}, 1, (fmi2Real[]){1}), errors, "fmi2SetReal on fixed parameter g after init");
    errors = errorsLogged;
    refused(fmi.DoStep(c, t + 1, 0.01, fmi2True), errors, "fmi2DoStep with a wrong currentCommunicationPoint");
    errors = errorsLogged;
    refused(fmi.GetDerivatives(c, (fmi2Real[2]){0}, 2), errors, "model exchange fmi2GetDerivatives on a co-simulation instance");
    fmi.FreeInstance(c);

    /* Several bounces inside one big step, and steps that straddle impacts. */
    c = start(fmi2CoSimulation, 0);
    fmi.ExitInitializationMode(c);
    maxError = 0;
    for (t = 0; t < 2.9;) {
        double h = t < 1 ? 0.77 : 0.3, hRef, vRef;
        fmi.DoStep(c, t, h, fmi2True);
        t += h;
        ball_reference(t, &hRef, &vRef);
        maxError = fmax(maxError, fmax(fabs(get_real(c, BB_H) - hRef), fabs(get_real(c, BB_V) - vRef)));
    }
    check(maxError < 1e-12, "CS with steps of 0.77 s and 0.3 s (several bounces per step) within %.1e", maxError);
    fmi.Reset(c);
    fmi.EnterInitializationMode(c);
    fmi.ExitInitializationMode(c);
    fmi.DoStep(c, 0, 1.0, fmi2True);
    {
        double hRef, vRef;
        ball_reference(1.0, &hRef, &vRef);
        check(fabs(get_real(c, BB_H) - hRef) < 1e-12, "after fmi2Reset the resting ball flies again: h(1)=%.6f", hRef);
    }
    fmi.FreeInstance(c);

    c = start(fmi2ModelExchange, 0);
    me_run(c, 3, 1e-4, ball_observer, &log);
    check(log.n >= 2 && fabs(log.impacts[0] - t1) < 1e-3, "ME (Euler, dt 1e-4) first impact %.6f s, error %.1e",
          log.impacts[0], fabs(log.impacts[0] - t1));
    check(log.n >= 2 && fabs(log.impacts[1] - t2) < 1e-2, "ME second impact %.6f s, error %.1e",
          log.impacts[1], fabs(log.impacts[1] - t2));
    check(get_real(c, BB_H) == 0 && get_real(c, BB_V) == 0, "ME ball rests at t=3 after %d events", log.n);
    fmi.FreeInstance(c);
}

/* ---------- FirstOrderLag ---------- */

enum { FOL_Y = 0, FOL_U = 2, FOL_T = 3, FOL_K = 4, FOL_Y0 = 5 };

static void test_first_order_lag(void) {
    double maxError = 0, t = 0;
    fmi2Component c = start(fmi2CoSimulation, 0);

    set_real(c, FOL_Y0, 1);
    check(get_real(c, FOL_Y) == 1, "y follows y0 during initialization mode");
    fmi.ExitInitializationMode(c);
    for (int k = 1; k <= 500; k++) {
        fmi.DoStep(c, t, 0.01, fmi2True);
        t += 0.01;
        maxError = fmax(maxError, fabs(get_real(c, FOL_Y) - exp(-t)));
    }
    check(maxError < 1e-14, "CS decay y0=1, u=0: max error vs exp(-t) %.1e", maxError);
    fmi.FreeInstance(c);

    c = start(fmi2CoSimulation, 0);
    set_real(c, FOL_T, 0.5);
    set_real(c, FOL_K, 2);
    set_real(c, FOL_U, 1.5); /* before init, held afterwards */
    fmi.ExitInitializationMode(c);
    maxError = 0;
    for (t = 0; t < 3 - 1e-9;) {
        fmi.DoStep(c, t, 0.1, fmi2True);
        t += 0.1;
        maxError = fmax(maxError, fabs(get_real(c, FOL_Y) - 3 * (1 - exp(-t / 0.5))));
    }
    check(maxError < 1e-14, "CS step response K=2, T=0.5, u=1.5: max error %.1e", maxError);
    set_real(c, FOL_U, 0); /* inputs are settable between steps */
    fmi.DoStep(c, t, 1, fmi2True);
    check(fabs(get_real(c, FOL_Y) - 3 * (1 - exp(-t / 0.5)) * exp(-2)) < 1e-14, "CS responds to u set between steps");
    fmi.FreeInstance(c);

    c = start(fmi2ModelExchange, 0);
    set_real(c, FOL_Y0, 1);
    me_run(c, 2, 1e-4, NULL, NULL);
    check(fabs(get_real(c, FOL_Y) - exp(-2)) < 1e-4, "ME (Euler, dt 1e-4) y(2) error %.1e",
          fabs(get_real(c, FOL_Y) - exp(-2)));
    fmi.FreeInstance(c);
}

/* ---------- VanDerPol ---------- */

static void vdp_reference(double tEnd, double *x0, double *x1) {
    const int steps = 1000000;
    const double dt = tEnd / steps;
    double a = 2, b = 0;

    for (int k = 0; k < steps; k++) {
#define F0(a, b) (b)
#define F1(a, b) ((1 - (a) * (a)) * (b) - (a))
        double k1a = F0(a, b), k1b = F1(a, b);
        double k2a = F0(a + dt / 2 * k1a, b + dt / 2 * k1b), k2b = F1(a + dt / 2 * k1a, b + dt / 2 * k1b);
        double k3a = F0(a + dt / 2 * k2a, b + dt / 2 * k2b), k3b = F1(a + dt / 2 * k2a, b + dt / 2 * k2b);
        double k4a = F0(a + dt * k3a, b + dt * k3b), k4b = F1(a + dt * k3a, b + dt * k3b);
        a += dt / 6 * (k1a + 2 * k2a + 2 * k3a + k4a);
        b += dt / 6 * (k1b + 2 * k2b + 2 * k3b + k4b);
    }
    *x0 = a;
    *x1 = b;
}

static void test_van_der_pol(void) {
    double x0, x1, t = 0, error;
    fmi2Component c = start(fmi2CoSimulation, 0);

    vdp_reference(10, &x0, &x1);
    fmi.ExitInitializationMode(c);
    for (int k = 0; k < 1000; k++, t += 0.01) fmi.DoStep(c, t, 0.01, fmi2True);
    error = fmax(fabs(get_real(c, 0) - x0), fabs(get_real(c, 2) - x1));
    check(error < 1e-9, "CS x(10) = (%.12f, %.12f), error vs RK4 at 1e-5 s: %.1e", get_real(c, 0), get_real(c, 2), error);
    fmi.FreeInstance(c);

    c = start(fmi2ModelExchange, 0);
    me_run(c, 10, 1e-4, NULL, NULL);
    error = fmax(fabs(get_real(c, 0) - x0), fabs(get_real(c, 2) - x1));
    check(error < 1e-2, "ME (Euler, dt 1e-4) x(10) error %.1e", error);
    fmi.FreeInstance(c);
}

/* ---------- Robertson: directional derivatives ---------- */

static void test_robertson(void) {
    const fmi2ValueReference y[3] = {0, 2, 4}, dy[3] = {1, 3, 5}, k1 = 6;
    const double state[3] = {0.9, 2e-5, 0.1};
    double column[3], product[3], seed[3] = {0}, worst = 0;
    fmi2Component c = start(fmi2ModelExchange, 0);
    fmi2EventInfo info = {fmi2True, 0, 0, 0, 0, 0};
    int before;

    fmi.ExitInitializationMode(c);
    while (info.newDiscreteStatesNeeded) fmi.NewDiscreteStates(c, &info);
    fmi.EnterContinuousTimeMode(c);
    fmi.SetContinuousStates(c, state, 3);
    /* d(der(y))/dy at state, from the kinetics with k1 = 0.04, k2 = 3e7, k3 = 1e4. */
    const double exact[3][3] = {
        {-0.04, 1e4 * state[2], 1e4 * state[1]},
        {0.04, -1e4 * state[2] - 6e7 * state[1], -1e4 * state[1]},
        {0, 6e7 * state[1], 0},
    };
    for (int j = 0; j < 3; j++) {
        seed[j] = 1;
        check(fmi.GetDirectionalDerivative(c, dy, 3, y, 3, seed, column) == fmi2OK,
              "fmi2GetDirectionalDerivative, seed e%d", j + 1);
        seed[j] = 0;
        for (int i = 0; i < 3; i++) worst = fmax(worst, fabs(column[i] - exact[i][j]) / fmax(1, fabs(exact[i][j])));
    }
    check(worst < 1e-15, "directional derivatives are the exact Jacobian, column by column (%.1e)", worst);
    /* Reordered references and a combined seed: J[dy3, dy1] times (2, 1) over knowns (y3, y1). */
    const fmi2ValueReference someUnknowns[2] = {5, 1}, someKnowns[2] = {4, 0};
    const double twoSeeds[2] = {2, 1};
    fmi.GetDirectionalDerivative(c, someUnknowns, 2, someKnowns, 2, twoSeeds, product);
    check(product[0] == 2 * exact[2][2] + exact[2][0] && product[1] == 2 * exact[0][2] + exact[0][0],
          "any subset and order of derivatives and states, with any seed");
    before = errorsLogged;
    refused(fmi.GetDirectionalDerivative(c, dy, 1, &k1, 1, twoSeeds, product), before,
            "a directional derivative with respect to a parameter");
    before = errorsLogged;
    refused(fmi.GetDirectionalDerivative(c, y, 1, y, 1, twoSeeds, product), before,
            "a directional derivative of a state");
    fmi.FreeInstance(c);
}

/* ---------- MassSpringDamper ---------- */

enum { MSD_X = 0, MSD_V = 2, MSD_A = 4, MSD_F = 5 };

/* Underdamped response from rest at x0 with constant force F (m = 1, c = 0.5, k = 10). */
static void msd_reference(double t, double F, double *x, double *v) {
    const double alpha = 0.25, wd = sqrt(10 - alpha * alpha), x0 = 1 - F / 10;
    double decay = exp(-alpha * t);

    *x = F / 10 + decay * (x0 * cos(wd * t) + alpha * x0 / wd * sin(wd * t));
    *v = -decay * x0 * (alpha * alpha + wd * wd) / wd * sin(wd * t);
}

static void test_mass_spring_damper(void) {
    for (int forced = 0; forced <= 1; forced++) {
        double F = forced ? 5 : 0, maxError = 0, aError = 0, t = 0;
        fmi2Component c = start(fmi2CoSimulation, 0);

        set_real(c, MSD_F, F);
        fmi.ExitInitializationMode(c);
        for (int k = 1; k <= 500; k++) {
            double x, v;
            fmi.DoStep(c, t, 0.01, fmi2True);
            t += 0.01;
            msd_reference(t, F, &x, &v);
            maxError = fmax(maxError, fmax(fabs(get_real(c, MSD_X) - x), fabs(get_real(c, MSD_V) - v)));
            aError = fmax(aError, fabs(get_real(c, MSD_A) - (F - 0.5 * get_real(c, MSD_V) - 10 * get_real(c, MSD_X))));
        }
        check(maxError < 1e-9, "CS F=%g: x, v max error vs analytic %.1e over 5 s", F, maxError);
        check(aError < 1e-12, "CS F=%g: a = (F - c v - k x) / m, max error %.1e", F, aError);
        fmi.FreeInstance(c);
    }
    {
        double x, v, error;
        fmi2Component c = start(fmi2ModelExchange, 0);

        set_real(c, MSD_F, 5);
        me_run(c, 5, 1e-5, NULL, NULL);
        msd_reference(5, 5, &x, &v);
        error = fmax(fabs(get_real(c, MSD_X) - x), fabs(get_real(c, MSD_V) - v));
        check(error < 1e-3, "ME (Euler, dt 1e-5) F=5: x(5), v(5) error %.1e", error);
        fmi.FreeInstance(c);
    }
}

/* ---------- Counter ---------- */

static int get_count(fmi2Component c) {
    fmi2ValueReference vr = 0;
    fmi2Integer count = -1;
    fmi.GetInteger(c, &vr, 1, &count);
    return count;
}

typedef struct { int at25, at30, at10; } CountLog;

static void count_observer(fmi2Component c, double t, bool event, void *context) {
    CountLog *log = context;

    (void)event;
    if (fabs(t - 1.0) < 1e-9) log->at10 = get_count(c);
    if (fabs(t - 2.5) < 1e-9) log->at25 = get_count(c);
    if (fabs(t - 3.0) < 1e-9) log->at30 = get_count(c);
}

static void test_counter(void) {
    double t = 0;
    CountLog log = {-1, -1, -1};
    fmi2Component c = start(fmi2CoSimulation, 0);

    fmi.ExitInitializationMode(c);
    for (int k = 1; k <= 30; k++) {
        fmi.DoStep(c, t, 0.1, fmi2True);
        t += 0.1; /* 0.1 added ten times is 0.9999999999999999 */
        if (k == 10) check(get_count(c) == 1, "CS count at t=0.1*10=%.17g is %d, expected 1", t, get_count(c));
        if (k == 25) check(get_count(c) == 2, "CS count at t=2.5 is %d, expected 2", get_count(c));
        if (k == 30) check(get_count(c) == 3, "CS count at t=3.0 is %d, expected 3", get_count(c));
    }
    fmi.FreeInstance(c);

    c = start(fmi2CoSimulation, 0);
    fmi.ExitInitializationMode(c);
    fmi.DoStep(c, 0, 2.5, fmi2True);
    check(get_count(c) == 2, "CS one step of 2.5 s counts %d, expected 2", get_count(c));
    fmi.DoStep(c, 2.5, 0.5, fmi2True);
    check(get_count(c) == 3, "CS step ending exactly on t=3.0 counts %d, expected 3", get_count(c));
    fmi.FreeInstance(c);

    c = start(fmi2CoSimulation, 1.0);
    fmi.ExitInitializationMode(c);
    fmi.DoStep(c, 1.0, 1.0, fmi2True);
    fmi.DoStep(c, 2.0, 0.5, fmi2True);
    check(get_count(c) == 1, "CS from startTime 1.0 (not counted) to 2.5 counts %d, expected 1", get_count(c));
    fmi.FreeInstance(c);

    c = start(fmi2ModelExchange, 0);
    me_run(c, 3, 0.1, count_observer, &log);
    check(log.at10 == 1 && log.at25 == 2 && log.at30 == 3, "ME counts %d at 1.0, %d at 2.5, %d at 3.0",
          log.at10, log.at25, log.at30);
    fmi.FreeInstance(c);
}

/* ---------- AllTypes ---------- */

static void test_all_types(void) {
    fmi2ValueReference vr0 = 0, vr1 = 1, vr2 = 2;
    fmi2Real real;
    fmi2Integer integer;
    fmi2Boolean boolean;
    fmi2String string, self;
    int errors;

    for (int type = fmi2ModelExchange; type <= fmi2CoSimulation; type++) {
        fmi2Component c = start((fmi2Type)type, 0);
        const char *kind = type == fmi2CoSimulation ? "CS" : "ME";

        fmi.GetReal(c, &vr2, 1, &real);
        fmi.GetInteger(c, &vr2, 1, &integer);
        fmi.GetBoolean(c, &vr2, 1, &boolean);
        fmi.GetString(c, &vr2, 1, &string);
        check(real == 0 && integer == 3 && boolean == fmi2True && strcmp(string, "hello ") == 0,
              "%s start outputs: %g, %d, %d, \"%s\"", kind, real, integer, boolean, string);
        fmi.SetReal(c, &vr0, 1, (fmi2Real[]){1.5});
        fmi.SetInteger(c, &vr0, 1, (fmi2Integer[]){4});
        fmi.SetBoolean(c, &vr0, 1, (fmi2Boolean[]){fmi2True});
        fmi.SetString(c, &vr0, 1, (fmi2String[]){"world"});
        fmi.ExitInitializationMode(c);
        if (type == fmi2CoSimulation) fmi.DoStep(c, 0, 0.1, fmi2True);
        fmi.GetReal(c, &vr2, 1, &real);
        fmi.GetInteger(c, &vr2, 1, &integer);
        fmi.GetBoolean(c, &vr2, 1, &boolean);
        fmi.GetString(c, &vr2, 1, &string);
        check(real == 3.0 && integer == 7 && boolean == fmi2False && strcmp(string, "hello world") == 0,
              "%s outputs: real_out %g, int_out %d, bool_out %d, string_out \"%s\"", kind, real, integer,
              boolean, string);
        fmi.GetString(c, &vr0, 1, &self);
        check(fmi.SetString(c, &vr0, 1, &self) == fmi2OK, "%s string_in set to its own current value", kind);
        errors = errorsLogged;
        refused(fmi.SetString(c, &vr1, 1, (fmi2String[]){"bye"}), errors, "fmi2SetString on fixed string_param after init");
        errors = errorsLogged;
        refused(fmi.SetInteger(c, &vr2, 1, (fmi2Integer[]){1}), errors, "fmi2SetInteger on output int_out");
        errors = errorsLogged;
        refused(fmi.SetReal(c, (fmi2ValueReference[]){99}, 1, (fmi2Real[]){1}), errors, "fmi2SetReal on unknown value reference 99");
        if (type == fmi2ModelExchange) {
            fmi.EnterContinuousTimeMode(c);
            check(fmi.SetReal(c, &vr0, 1, (fmi2Real[]){-1}) == fmi2OK && get_real(c, 2) == -2,
                  "ME continuous real_in settable in continuous-time mode");
            errors = errorsLogged;
            refused(fmi.SetInteger(c, &vr0, 1, (fmi2Integer[]){1}), errors, "fmi2SetInteger on discrete int_in in continuous-time mode");
        }
        fmi.FreeInstance(c);
    }

    /* A changed parameter, and a reset bringing back the start values. */
    {
        fmi2Component c = fmi.Instantiate("harness", fmi2CoSimulation, guid, "", &CALLBACKS, fmi2False, verbose());
        fmi.SetString(c, &vr1, 1, (fmi2String[]){"hi"});
        fmi.SetBoolean(c, &vr1, 1, (fmi2Boolean[]){fmi2False});
        fmi.EnterInitializationMode(c);
        fmi.ExitInitializationMode(c);
        fmi.GetString(c, &vr2, 1, &string);
        fmi.GetBoolean(c, &vr2, 1, &boolean);
        check(strcmp(string, "hi ") == 0 && boolean == fmi2False, "string_param/bool_param set before init: \"%s\", %d", string, boolean);
        fmi.Terminate(c);
        errors = errorsLogged;
        refused(fmi.DoStep(c, 0, 0.1, fmi2True), errors, "fmi2DoStep after fmi2Terminate");
        fmi.Reset(c);
        fmi.EnterInitializationMode(c);
        fmi.GetString(c, &vr2, 1, &string);
        check(strcmp(string, "hello ") == 0, "fmi2Reset restores start values: \"%s\"", string);
        fmi.FreeInstance(c);
    }
}

/* ---------- checks every model must pass ---------- */

static void test_common(void) {
    int errors = errorsLogged;
    fmi2Component c;
    fmi2FMUstate state = NULL;
    fmi2Real value;
    fmi2ValueReference vr = 0;

    check(strcmp(fmi.GetVersion(), "2.0") == 0 && strcmp(fmi.GetTypesPlatform(), "default") == 0,
          "fmi2GetVersion 2.0, fmi2GetTypesPlatform default");
    c = fmi.Instantiate("harness", fmi2CoSimulation, "{00000000-0000-0000-0000-000000000000}", "", &CALLBACKS,
                        fmi2False, verbose());
    check(c == NULL && errorsLogged > errors, "fmi2Instantiate refuses a wrong GUID and logs it");

    c = fmi.Instantiate("harness", fmi2CoSimulation, guid, "", &CALLBACKS, fmi2False, verbose());
    errors = errorsLogged;
    refused(fmi.GetReal(c, &vr, 1, &value), errors, "fmi2GetReal before initialization mode");
    errors = errorsLogged;
    refused(fmi.DoStep(c, 0, 0.1, fmi2True), errors, "fmi2DoStep before initialization");
    errors = errorsLogged;
    refused(fmi.GetFMUstate(c, &state), errors, "fmi2GetFMUstate (unsupported)");
    errors = errorsLogged;
    refused(fmi.SetDebugLogging(c, fmi2True, 1, (fmi2String[]){"logNoSuchThing"}), errors, "unknown log category");
    check(fmi.SetDebugLogging(c, fmi2True, 2, (fmi2String[]){"logEvents", "logError"}) == fmi2OK, "known log categories accepted");
    fmi.FreeInstance(c);

    c = start(fmi2ModelExchange, 0);
    fmi.ExitInitializationMode(c);
    errors = errorsLogged;
    fmi.EnterContinuousTimeMode(c);
    refused(fmi.NewDiscreteStates(c, &(fmi2EventInfo){0}), errors, "fmi2NewDiscreteStates in continuous-time mode");
    errors = errorsLogged;
    refused(fmi.DoStep(c, 0, 0.1, fmi2True), errors, "co-simulation fmi2DoStep on a model exchange instance");
    fmi.FreeInstance(c);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: harness <unpacked-fmu-dir>\n");
        return 2;
    }
    load(argv[1]);
    printf("%s\n", modelName);
    test_common();
    if (strcmp(modelName, "BouncingBall") == 0) test_bouncing_ball();
    else if (strcmp(modelName, "FirstOrderLag") == 0) test_first_order_lag();
    else if (strcmp(modelName, "VanDerPol") == 0) test_van_der_pol();
    else if (strcmp(modelName, "MassSpringDamper") == 0) test_mass_spring_damper();
    else if (strcmp(modelName, "Counter") == 0) test_counter();
    else if (strcmp(modelName, "AllTypes") == 0) test_all_types();
    else if (strcmp(modelName, "Robertson") == 0) test_robertson();
    else check(false, "no checks for model %s", modelName);
    return failures ? 1 : 0;
}
