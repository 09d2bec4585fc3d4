/*
 * Verification harness for the FMI 3.0 model library, meant to run under ASan and UBSan (see
 * run-harness3.sh). Loads one unpacked FMU, checks every fmi3 symbol, drives each interface the
 * FMU declares through its life cycle, misuse included, and runs model-specific scenarios with
 * known answers.
 *
 * Usage: harness3 <unpacked-fmu-dir>     exit status 0 when every check passed
 * Set HARNESS_VERBOSE=1 to see the FMU's log messages.
 */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmi3Functions.h"

#define FMI3_FUNCTIONS(X)                                                                          \
    X(GetVersion) X(SetDebugLogging) X(InstantiateModelExchange) X(InstantiateCoSimulation)        \
    X(InstantiateScheduledExecution) X(FreeInstance) X(EnterInitializationMode)                    \
    X(ExitInitializationMode) X(EnterEventMode) X(Terminate) X(Reset) X(GetFloat32) X(GetFloat64)  \
    X(GetInt8) X(GetUInt8) X(GetInt16) X(GetUInt16) X(GetInt32) X(GetUInt32) X(GetInt64)           \
    X(GetUInt64) X(GetBoolean) X(GetString) X(GetBinary) X(GetClock) X(SetFloat32) X(SetFloat64)   \
    X(SetInt8) X(SetUInt8) X(SetInt16) X(SetUInt16) X(SetInt32) X(SetUInt32) X(SetInt64)           \
    X(SetUInt64) X(SetBoolean) X(SetString) X(SetBinary) X(SetClock)                               \
    X(GetNumberOfVariableDependencies) X(GetVariableDependencies) X(GetFMUState) X(SetFMUState)    \
    X(FreeFMUState) X(SerializedFMUStateSize) X(SerializeFMUState) X(DeserializeFMUState)          \
    X(GetDirectionalDerivative) X(GetAdjointDerivative) X(EnterConfigurationMode)                  \
    X(ExitConfigurationMode) X(GetIntervalDecimal) X(GetIntervalFraction) X(GetShiftDecimal)       \
    X(GetShiftFraction) X(SetIntervalDecimal) X(SetIntervalFraction) X(SetShiftDecimal)            \
    X(SetShiftFraction) X(EvaluateDiscreteStates) X(UpdateDiscreteStates)                          \
    X(EnterContinuousTimeMode) X(CompletedIntegratorStep) X(SetTime) X(SetContinuousStates)        \
    X(GetContinuousStateDerivatives) X(GetEventIndicators) X(GetContinuousStates)                  \
    X(GetNominalsOfContinuousStates) X(GetNumberOfEventIndicators)                                 \
    X(GetNumberOfContinuousStates) X(EnterStepMode) X(GetOutputDerivatives) X(DoStep)              \
    X(ActivateModelPartition)

static struct {
#define DECLARE(name) fmi3##name##TYPE *name;
    FMI3_FUNCTIONS(DECLARE)
} fmi;

static char token[128], modelName[128], resources[4200];
static bool hasME, hasCS, hasSE;
static int failures, errorsLogged, clockUpdates;

static bool verbose(void) { return getenv("HARNESS_VERBOSE") != NULL; }

static void logger(fmi3InstanceEnvironment env, fmi3Status status, fmi3String category, fmi3String message) {
    (void)env;
    if (status == fmi3Error) errorsLogged++;
    if (verbose()) printf("    log [%s] %s\n", category, message);
}

static void clock_update(fmi3InstanceEnvironment env) {
    (void)env;
    clockUpdates++;
}

static void check(bool ok, const char *format, ...) {
    va_list args;

    printf(ok ? "  ok   " : "  FAIL ");
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
    printf("\n");
    if (!ok) failures++;
}

static bool near(double a, double b, double tolerance) { return fabs(a - b) <= tolerance; }

/* The call must fail with fmi3Error and say why through logMessage. */
static void refused(fmi3Status status, int errorsBefore, const char *what) {
    check(status == fmi3Error && errorsLogged > errorsBefore, "refused and logged: %s", what);
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
    if (!(p = strstr(xml, "instantiationToken=\"")) || sscanf(p, "instantiationToken=\"%127[^\"]", token) != 1 ||
        !(p = strstr(xml, "modelName=\"")) || sscanf(p, "modelName=\"%127[^\"]", modelName) != 1) {
        fprintf(stderr, "%s: no instantiationToken or modelName\n", path);
        exit(2);
    }
    hasME = strstr(xml, "<ModelExchange") != NULL;
    hasCS = strstr(xml, "<CoSimulation") != NULL;
    hasSE = strstr(xml, "<ScheduledExecution") != NULL;
    snprintf(resources, sizeof resources, "%s/resources/", dir);
    snprintf(path, sizeof path, "%s/binaries/x86_64-linux/%s.so", dir, modelName);
    if (!(lib = dlopen(path, RTLD_NOW | RTLD_LOCAL))) { fprintf(stderr, "%s\n", dlerror()); exit(2); }
#define LOAD(name) \
    if (!(*(void **)&fmi.name = dlsym(lib, "fmi3" #name))) { check(false, "symbol fmi3" #name); exit(1); }
    FMI3_FUNCTIONS(LOAD)
    check(strcmp(fmi.GetVersion(), "3.0") == 0, "fmi3GetVersion is 3.0");
}

static fmi3Instance cs_new(bool eventMode, bool earlyReturn, fmi3IntermediateUpdateCallback update) {
    return fmi.InstantiateCoSimulation("harness", token, resources, false, verbose(), eventMode, earlyReturn,
                                       NULL, 0, NULL, logger, update);
}

static fmi3Instance me_new(void) {
    return fmi.InstantiateModelExchange("harness", token, resources, false, verbose(), NULL, logger);
}

static fmi3Instance se_new(void) {
    return fmi.InstantiateScheduledExecution("harness", token, resources, false, verbose(), NULL, logger,
                                             clock_update, NULL, NULL);
}

static void initialize(fmi3Instance c) {
    if (fmi.EnterInitializationMode(c, false, 0, 0, false, 0) != fmi3OK ||
        fmi.ExitInitializationMode(c) != fmi3OK)
        check(false, "initialization");
}

static double f64(fmi3Instance c, fmi3ValueReference vr) {
    double value = NAN;
    fmi.GetFloat64(c, &vr, 1, &value, 1);
    return value;
}

static int32_t i32(fmi3Instance c, fmi3ValueReference vr) {
    int32_t value = -1;
    fmi.GetInt32(c, &vr, 1, &value, 1);
    return value;
}

/* ---------- every FMU: life cycle and misuse ---------- */

static void life_cycle(const char *what, fmi3Instance c, bool cs) {
    int e = errorsLogged;
    fmi3Boolean flags[3];
    double t, x;
    fmi3FMUState state = NULL;
    fmi3ValueReference time = 0;

    check(c != NULL, "%s: instantiated", what);
    if (!c) return;
    refused(fmi.GetFloat64(c, &time, 1, &x, 1), e, "get before initialization");
    e = errorsLogged;
    refused(fmi.ExitInitializationMode(c), e, "exit initialization before entering it");
    if (cs) {
        e = errorsLogged;
        refused(fmi.DoStep(c, 0, 1, false, &flags[0], &flags[1], &flags[2], &t), e, "fmi3DoStep before initialization");
    }
    e = errorsLogged;
    refused(fmi.GetFMUState(c, &state), e, "fmi3GetFMUState (not supported)");
    e = errorsLogged;
    refused(fmi.EnterConfigurationMode(c), e, "fmi3EnterConfigurationMode (not supported)");
    check(fmi.FreeFMUState(c, &state) == fmi3OK, "freeing no FMU state is fine");
    check(fmi.EnterInitializationMode(c, true, 1e-6, 2.0, true, 3.0) == fmi3OK, "%s: enter initialization", what);
    check(fmi.ExitInitializationMode(c) == fmi3OK, "%s: exit initialization", what);
    check(fmi.GetFloat64(c, &time, 1, &x, 1) == fmi3OK && x == 2.0, "%s: time is the start time", what);
    check(fmi.Terminate(c) == fmi3OK, "%s: terminate", what);
    e = errorsLogged;
    refused(fmi.Terminate(c), e, "terminate twice");
    check(fmi.Reset(c) == fmi3OK, "%s: reset", what);
    initialize(c);
    fmi.FreeInstance(c);
}

static void common(void) {
    int e = errorsLogged;

    check(fmi.InstantiateModelExchange("h", "{wrong}", NULL, false, false, NULL, logger) == NULL &&
              fmi.InstantiateCoSimulation("h", "{wrong}", NULL, false, false, false, false, NULL, 0, NULL,
                                          logger, NULL) == NULL &&
              errorsLogged > e,
          "a wrong instantiation token is refused and logged");
    check(fmi.InstantiateScheduledExecution("", token, NULL, false, false, NULL, logger, NULL, NULL, NULL) == NULL,
          "an empty instance name is refused");
    if (hasME) life_cycle("model exchange", me_new(), false);
    else check(me_new() == NULL, "model exchange is refused: not declared");
    if (hasCS) life_cycle("co-simulation", cs_new(false, false, NULL), true);
    else check(cs_new(false, false, NULL) == NULL, "co-simulation is refused: not declared");
    if (hasSE) life_cycle("scheduled execution", se_new(), false);
    else check(se_new() == NULL, "scheduled execution is refused: not declared");
}

/* ---------- Feedthrough3 ---------- */

static void feedthrough(void) {
    fmi3Instance c = cs_new(false, false, NULL);
    fmi3ValueReference i64[] = {17, 18}, u64[] = {19, 20}, str[] = {23}, strOut[] = {24}, bin[] = {25},
                       binOut[] = {26}, f32[] = {1}, f32Out[] = {2}, u8[] = {7}, u8Out[] = {8}, bo[] = {21, 22};
    int64_t i64v[2] = {0};
    uint64_t u64v[2] = {0};
    fmi3String s = NULL, text = "ünïcødé";
    const fmi3Byte blob[] = {0, 1, 0, 255}, *binv = NULL;
    size_t size = 0;
    float f = 0.25f, fo = 0;
    uint8_t u8v = 200, u8o = 0;
    bool b[2] = {true, true}, no = false;
    fmi3Boolean flags[3];
    double t;
    int e;

    initialize(c);
    check(fmi.GetInt64(c, i64, 2, i64v, 2) == fmi3OK && i64v[0] == INT64_C(9007199254740993) && i64v[1] == i64v[0],
          "Int64 start 2^53 + 1 exact, in and out");
    check(fmi.GetUInt64(c, u64, 2, u64v, 2) == fmi3OK && u64v[0] == UINT64_MAX && u64v[1] == UINT64_MAX,
          "UInt64 start 2^64 - 1 exact, in and out");
    check(fmi.SetString(c, str, 1, &text, 1) == fmi3OK && fmi.SetBinary(c, bin, 1, &(size_t){4}, &(fmi3Binary){blob}, 1) == fmi3OK &&
              fmi.SetFloat32(c, f32, 1, &f, 1) == fmi3OK && fmi.SetUInt8(c, u8, 1, &u8v, 1) == fmi3OK &&
              fmi.SetBoolean(c, bo, 1, &no, 1) == fmi3OK,
          "inputs set in step mode");
    check(fmi.DoStep(c, 0, 0.5, false, &flags[0], &flags[1], &flags[2], &t) == fmi3OK && t == 0.5, "one step");
    check(fmi.GetString(c, strOut, 1, &s, 1) == fmi3OK && strcmp(s, text) == 0, "String copied");
    check(fmi.GetBinary(c, binOut, 1, &size, &binv, 1) == fmi3OK && size == 4 && memcmp(binv, blob, 4) == 0,
          "Binary copied, NULs included");
    check(fmi.GetFloat32(c, f32Out, 1, &fo, 1) == fmi3OK && fo == f, "Float32 copied");
    check(fmi.GetUInt8(c, u8Out, 1, &u8o, 1) == fmi3OK && u8o == 200, "UInt8 copied");
    check(fmi.GetBoolean(c, bo, 2, b, 2) == fmi3OK && !b[0] && !b[1], "Boolean copied");
    e = errorsLogged;
    refused(fmi.SetInt64(c, &i64[1], 1, i64v, 1), e, "setting an output");
    e = errorsLogged;
    refused(fmi.GetInt64(c, i64, 2, i64v, 1), e, "nValues not matching the variables");
    e = errorsLogged;
    refused(fmi.GetInt32(c, i64, 1, (int32_t *)i64v, 1), e, "a value reference of another type");
    e = errorsLogged;
    refused(fmi.DoStep(c, 0.25, 0.5, false, &flags[0], &flags[1], &flags[2], &t), e, "a communication point not the FMU's time");
    fmi.FreeInstance(c);
}

/* ---------- BouncingBall3 ---------- */

#define FIRST_IMPACT 0.45152364098573
enum { BB_H = 1, BB_V = 3, BB_DER_H = 2, BB_G = 5 };

static int intermediate_updates;

static void on_intermediate_update(fmi3InstanceEnvironment env, fmi3Float64 time, fmi3Boolean setRequested,
                                   fmi3Boolean getAllowed, fmi3Boolean stepFinished, fmi3Boolean canReturnEarly,
                                   fmi3Boolean *earlyReturnRequested, fmi3Float64 *earlyReturnTime) {
    (void)env;
    (void)setRequested;
    (void)getAllowed;
    (void)stepFinished;
    intermediate_updates++;
    *earlyReturnRequested = canReturnEarly;
    *earlyReturnTime = time;
}

static void bouncing_ball(void) {
    fmi3Instance c = cs_new(true, true, NULL);
    fmi3Boolean event, terminate, early, need, unused, changed, defined;
    double t = 0, last, next;
    int impacts = 0;

    initialize(c);
    fmi.EnterStepMode(c);
    while (t < 3 - 1e-9) {
        double end = fmin(3, floor(t / 0.01 + 1 + 1e-9) * 0.01);
        if (fmi.DoStep(c, t, end - t, false, &event, &terminate, &early, &last) != fmi3OK) {
            check(false, "event-mode step at %g", t);
            break;
        }
        t = last;
        if (event) {
            if (impacts++ == 0) check(early && near(t, FIRST_IMPACT, 1e-12), "first impact at %.12f", t);
            fmi.EnterEventMode(c);
            fmi.UpdateDiscreteStates(c, &need, &terminate, &unused, &changed, &defined, &next);
            fmi.EnterStepMode(c);
        }
    }
    check(impacts == 11 && f64(c, BB_H) == 0, "event mode: 11 impacts in 3 s, then at rest (got %d)", impacts);
    fmi.FreeInstance(c);

    c = cs_new(false, true, on_intermediate_update);
    initialize(c);
    check(fmi.DoStep(c, 0, 1, false, &event, &terminate, &early, &last) == fmi3OK && early && !event &&
              near(last, FIRST_IMPACT, 1e-12) && intermediate_updates == 1 && f64(c, BB_V) > 3,
          "early return requested in intermediateUpdate, after the bounce");
    fmi.FreeInstance(c);

    c = me_new();
    {
        double x[2], dx[2], z[1], zPrev = 1, h = 1e-4, seed = 1, d;
        fmi3ValueReference known = BB_V, unknown = BB_DER_H;
        fmi3Boolean enter, stop;

        initialize(c);
        fmi.UpdateDiscreteStates(c, &need, &terminate, &unused, &changed, &defined, &next);
        fmi.EnterContinuousTimeMode(c);
        check(fmi.GetDirectionalDerivative(c, &unknown, 1, &known, 1, &seed, 1, &d, 1) == fmi3OK && d == 1,
              "d der(h) / d v = 1");
        impacts = 0;
        for (t = 0; t < 1; t += h) {
            fmi.GetContinuousStates(c, x, 2);
            fmi.GetContinuousStateDerivatives(c, dx, 2);
            x[0] += h * dx[0];
            x[1] += h * dx[1];
            fmi.SetTime(c, t + h);
            fmi.SetContinuousStates(c, x, 2);
            fmi.CompletedIntegratorStep(c, true, &enter, &stop);
            fmi.GetEventIndicators(c, z, 1);
            if ((zPrev > 0) != (z[0] > 0)) {
                /* Only downward crossings are impacts; the ball leaving the ground is not. */
                if (z[0] <= 0 && impacts++ == 0) check(near(t + h, FIRST_IMPACT, 2e-4), "Euler: first impact near %.4f", t + h);
                fmi.EnterEventMode(c);
                fmi.UpdateDiscreteStates(c, &need, &terminate, &unused, &changed, &defined, &next);
                fmi.EnterContinuousTimeMode(c);
                fmi.GetEventIndicators(c, z, 1);
            }
            zPrev = z[0];
        }
        check(impacts == 1, "model exchange: one impact in the first second (got %d)", impacts);
    }
    fmi.FreeInstance(c);
}

/* ---------- StateSpace3 ---------- */

static void state_space(void) {
    fmi3Instance c = cs_new(false, false, NULL);
    fmi3ValueReference y = 8, a = 1, dx = 7, x = 6;
    double values[3], seed[3] = {1, 0, -1}, at[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    fmi3Boolean flags[3];
    double t = 0, last;

    initialize(c);
    for (int k = 0; k < 10; k++, t = last) fmi.DoStep(c, t, 0.1, false, &flags[0], &flags[1], &flags[2], &last);
    check(fmi.GetFloat64(c, &y, 1, values, 3) == fmi3OK && near(values[0], exp(-1), 1e-10) &&
              near(values[1], exp(-2), 1e-10) && near(values[2], exp(-3), 1e-10),
          "y(1) = exp(-1), exp(-2), exp(-3)");
    fmi.FreeInstance(c);

    c = me_new();
    fmi.EnterInitializationMode(c, false, 0, 0, false, 0);
    fmi.SetFloat64(c, &a, 1, at, 9);
    fmi.ExitInitializationMode(c);
    check(fmi.GetDirectionalDerivative(c, &dx, 1, &x, 1, seed, 3, values, 3) == fmi3OK && values[0] == -2 &&
              values[1] == -2 && values[2] == -2,
          "directional derivative = A seed");
    fmi.FreeInstance(c);
}

/* ---------- Robertson3 ---------- */

static void robertson(void) {
    fmi3Instance c = me_new();
    fmi3ValueReference y[] = {1, 2, 3}, dy[] = {4, 5, 6};
    double x[3] = {0.9, 1e-5, 0.1}, d[3], column[3], plus[3], minus[3];
    fmi3Boolean need, terminate, unused, changed, defined;
    double next;
    bool good = true;

    initialize(c);
    fmi.UpdateDiscreteStates(c, &need, &terminate, &unused, &changed, &defined, &next);
    fmi.EnterContinuousTimeMode(c);
    fmi.SetContinuousStates(c, x, 3);
    fmi.GetContinuousStateDerivatives(c, d, 3);
    check(near(d[0], -0.026, 1e-15) && near(d[1], 0.023, 1e-15) && near(d[2], 0.003, 1e-15),
          "derivatives at (0.9, 1e-5, 0.1)");
    /* Each Jacobian column against central differences. */
    for (int j = 0; j < 3; j++) {
        double seed[3] = {0}, step = 1e-7 * fmax(fabs(x[j]), 1e-6), save = x[j];
        seed[j] = 1;
        fmi.GetDirectionalDerivative(c, dy, 3, y, 3, seed, 3, column, 3);
        x[j] = save + step;
        fmi.SetContinuousStates(c, x, 3);
        fmi.GetContinuousStateDerivatives(c, plus, 3);
        x[j] = save - step;
        fmi.SetContinuousStates(c, x, 3);
        fmi.GetContinuousStateDerivatives(c, minus, 3);
        x[j] = save;
        fmi.SetContinuousStates(c, x, 3);
        for (int i = 0; i < 3; i++) {
            double fd = (plus[i] - minus[i]) / (2 * step);
            good &= near(column[i], fd, 1e-6 * fmax(1, fabs(fd)));
        }
    }
    check(good, "Jacobian columns match central differences");
    fmi.FreeInstance(c);
}

/* ---------- Clocks3 ---------- */

static void clocks(void) {
    fmi3Instance c = se_new();
    fmi3ValueReference counters[] = {5, 6, 7, 8, 10}, countdown = 3, outClock = 4, increment = 9;
    int32_t values[5], five = 5;
    double interval;
    fmi3IntervalQualifier qualifier;
    fmi3Clock active;
    int reads = 0, e;

    clockUpdates = 0;
    initialize(c);
    fmi.SetInt32(c, &increment, 1, &five, 1);
    for (int k = 0; k < 6; k++) {
        double t = 0.5 * k;
        fmi.ActivateModelPartition(c, 1, t);
        fmi.GetClock(c, &outClock, 1, &active);
        reads += active;
        fmi.GetIntervalDecimal(c, &countdown, 1, &interval, &qualifier);
        if (qualifier == fmi3IntervalChanged) fmi.ActivateModelPartition(c, countdown, t + interval);
        if (k == 1 || k == 4) fmi.ActivateModelPartition(c, 2, t + 0.1);
    }
    check(fmi.GetInt32(c, counters, 5, values, 5) == fmi3OK && values[0] == 6 && values[1] == 2 && values[2] == 2 &&
              values[3] == 3 && values[4] == 10,
          "counters 6 ticks, 2 triggers, 2 countdowns, 3 output ticks, sum 10");
    check(reads == 3 && clockUpdates == 5, "output clock read active 3 times; 5 clock updates");
    e = errorsLogged;
    refused(fmi.ActivateModelPartition(c, outClock, 3), e, "activating an output clock");
    e = errorsLogged;
    refused(fmi.ActivateModelPartition(c, 99, 3), e, "activating no clock");
    check(i32(c, 5) == 6, "state unchanged by refused calls");
    fmi.FreeInstance(c);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: harness3 <unpacked-fmu-dir>\n");
        return 2;
    }
    load(argv[1]);
    printf("%s\n", modelName);
    common();
    if (strcmp(modelName, "Feedthrough3") == 0) feedthrough();
    else if (strcmp(modelName, "BouncingBall3") == 0) bouncing_ball();
    else if (strcmp(modelName, "StateSpace3") == 0) state_space();
    else if (strcmp(modelName, "Robertson3") == 0) robertson();
    else if (strcmp(modelName, "Clocks3") == 0) clocks();
    return failures ? 1 : 0;
}
