/*
 * The engine's hot FMI 2.0 paths, in C, where going through FMI4j's JNI glue cost several times the
 * FMU's own work:
 * - the co-simulation inner loop: fmi2DoStep and fmi2GetReal for a chunk of communication points
 *   in one call from Java (NativeCoSimulation);
 * - model exchange's derivative evaluation: fmi2SetTime, fmi2SetContinuousStates and
 *   fmi2GetDerivatives in one call (NativeModelExchange), and fmi2CompletedIntegratorStep;
 * - fmi2Instantiate with a logger that keeps the FMU's messages here until Java drains them
 *   (NativeFmi2Log), instead of FMI4j's, which printf()s each one to stdout for Java to parse back.
 * Built by the Maven build into the adapters-fmi jar (linux-x86-64/libfmugw_fmi2.so), loaded by JNA
 * in the process that runs the FMU: a sandboxed worker, never the gateway.
 */
#define _GNU_SOURCE /* CLOCK_MONOTONIC_COARSE */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fmi2Functions.h"
#include "fmugw_clock.h"

/* Which call stopped a chunk early (result[1]). */
enum { STOPPED_BY_NONE = 0, STOPPED_BY_DO_STEP = 1, STOPPED_BY_GET_REAL = 2, STOPPED_BY_DEADLINE = 3 };

/*
 * For each point i < n: unless step[i] is negative, fmi2DoStep(component, time[i], step[i],
 * fmi2True); then fmi2GetReal of the nvr value references into values[i * nvr ...]. Stops at a
 * status other than fmi2OK or fmi2Warning, or before a step once CLOCK_MONOTONIC (the clock of
 * Java's System.nanoTime on Linux, read coarsely: a tick late at most) has passed deadline; it is
 * checked before the first step and then before every step, or every CHECKS_SKIPPED + 1 steps while
 * they come faster than the clock ticks, so a run stops past its deadline by at most those steps
 * (unless they slowed down at that very moment) and a tick. Returns the points completed; result[0]
 * gets the status that stopped it and result[1] the call (STOPPED_BY_...), both 0 when none did.
 */
__attribute__((visibility("default"))) int fmugw_fmi2_cs_steps(
    fmi2DoStepTYPE *do_step, fmi2GetRealTYPE *get_real, fmi2Component component,
    const double *time, const double *step, int n, const fmi2ValueReference *vrs, int nvr,
    double *values, long long deadline, int *result) {
    result[0] = fmi2OK;
    result[1] = STOPPED_BY_NONE;
    fmugw_deadline_checks checks = {0, 0};
    for (int i = 0; i < n; i++) {
        if (fmugw_deadline_passed(&checks, deadline)) {
            result[1] = STOPPED_BY_DEADLINE;
            return i;
        }
        if (step[i] >= 0) {
            fmi2Status status = do_step(component, time[i], step[i], fmi2True);
            if (status != fmi2OK && status != fmi2Warning) {
                result[0] = status;
                result[1] = STOPPED_BY_DO_STEP;
                return i;
            }
        }
        if (nvr > 0) {
            fmi2Status status = get_real(component, vrs, (size_t)nvr, values + (size_t)i * nvr);
            if (status != fmi2OK && status != fmi2Warning) {
                result[0] = status;
                result[1] = STOPPED_BY_GET_REAL;
                return i;
            }
        }
    }
    return n;
}

/*
 * The messages of one FMU instance, in the order it logged them, until Java takes them: records of
 * one status byte, then the category and the formatted message, each NUL-terminated. Past
 * LOG_LIMIT bytes further messages are only counted (the run's log keeps less than that anyway),
 * so a chatty FMU cannot fill the worker's memory. Also holds the callbacks the FMU was given,
 * which FMI 2.0 lets it keep until it is freed.
 */
typedef struct {
    fmi2CallbackFunctions callbacks;
    char *data;
    size_t length;
    size_t capacity;
    int dropped;
} fmugw_log;

#define LOG_LIMIT (256 * 1024)

/* One record; past LOG_LIMIT, or out of memory, the message is dropped and so is every later one. */
static void append(fmugw_log *log, fmi2Status status, const char *category, const char *message,
                   size_t message_length) {
    /* A message with a NUL in it (%c of 0) ends there, as a C string does. */
    message_length = strnlen(message, message_length);
    size_t category_length = strlen(category);
    size_t need = 1 + category_length + 1 + message_length + 1;
    if (log->dropped || log->length + need > LOG_LIMIT) {
        log->dropped++;
        return;
    }
    if (log->length + need > log->capacity) {
        size_t capacity = log->capacity ? log->capacity : 4096;
        while (capacity < log->length + need) capacity *= 2;
        char *grown = realloc(log->data, capacity);
        if (!grown) {
            log->dropped++;
            return;
        }
        log->data = grown;
        log->capacity = capacity;
    }
    char *at = log->data + log->length;
    *at++ = (char)status;
    memcpy(at, category, category_length + 1);
    at += category_length + 1;
    memcpy(at, message, message_length);
    at[message_length] = '\0';
    log->length += need;
}

static void logger(fmi2ComponentEnvironment environment, fmi2String instance_name,
                   fmi2Status status, fmi2String category, fmi2String message, ...) {
    (void)instance_name;
    fmugw_log *log = environment;
    if (!log) return;
    if (log->dropped) { /* a flood: not even formatted */
        log->dropped++;
        return;
    }
    const char *name = category ? category : "?";
    char text[1024];
    int length = 0;
    if (message) {
        va_list args;
        va_start(args, message);
        length = vsnprintf(text, sizeof text, message, args);
        va_end(args);
    }
    if (length < 0) length = 0;
    if ((size_t)length < sizeof text) {
        text[length] = '\0';
        append(log, status, name, text, (size_t)length);
        return;
    }
    /* Longer than the buffer: formatted again, whole, if it can be kept at all. */
    char *long_text = log->length + (size_t)length + strlen(name) + 3 > LOG_LIMIT
                          ? NULL
                          : malloc((size_t)length + 1);
    if (!long_text) {
        log->dropped++;
        return;
    }
    va_list args;
    va_start(args, message);
    vsnprintf(long_text, (size_t)length + 1, message, args);
    va_end(args);
    append(log, status, name, long_text, (size_t)length);
    free(long_text);
}

/* A new, empty log; NULL when out of memory. */
__attribute__((visibility("default"))) fmugw_log *fmugw_fmi2_log_new(void) {
    return calloc(1, sizeof(fmugw_log));
}

/* fmi2Instantiate with callbacks whose logger writes to log (calloc and free for memory). */
__attribute__((visibility("default"))) fmi2Component fmugw_fmi2_instantiate(
    fmi2InstantiateTYPE *instantiate, fmugw_log *log, const char *name, int type, const char *guid,
    const char *resources, int visible, int logging_on) {
    log->callbacks.logger = logger;
    log->callbacks.allocateMemory = calloc;
    log->callbacks.freeMemory = free;
    log->callbacks.stepFinished = NULL;
    log->callbacks.componentEnvironment = log;
    return instantiate(name, (fmi2Type)type, guid, resources, &log->callbacks, visible ? fmi2True : fmi2False,
                       logging_on ? fmi2True : fmi2False);
}

/* Bytes of messages waiting. */
__attribute__((visibility("default"))) int fmugw_fmi2_log_size(const fmugw_log *log) {
    return (int)log->length;
}

/*
 * Copies the first size bytes (fmugw_fmi2_log_size, whole records) to out and empties the log.
 * Returns the messages dropped since the last call.
 */
__attribute__((visibility("default"))) int fmugw_fmi2_log_take(fmugw_log *log, char *out,
                                                               int size) {
    if (size > 0) memcpy(out, log->data, (size_t)size);
    log->length = 0;
    int dropped = log->dropped;
    log->dropped = 0;
    return dropped;
}

/* Frees a log once its instance is freed. */
__attribute__((visibility("default"))) void fmugw_fmi2_log_free(fmugw_log *log) {
    if (!log) return;
    free(log->data);
    free(log);
}

/* Which call failed in the fmugw_fmi2_me_ functions (their return value). */
enum {
    ME_OK = 0,
    ME_SET_TIME = 1,
    ME_SET_STATES = 2,
    ME_GET_DERIVATIVES = 3,
    ME_GET_INDICATORS = 4,
    ME_GET_REAL = 5,
    ME_GET_DIRECTIONAL_DERIVATIVE = 6
};

/* The FMU at time t with its n states x (none when n is 0); ME_OK or as the callers return. */
static int me_place(fmi2SetTimeTYPE *set_time, fmi2SetContinuousStatesTYPE *set_states,
                    fmi2Component component, double t, const double *x, int n) {
    fmi2Status s = set_time(component, t);
    if (s != fmi2OK && s != fmi2Warning) return ME_SET_TIME + 16 * s;
    if (n > 0) {
        s = set_states(component, x, (size_t)n);
        if (s != fmi2OK && s != fmi2Warning) return ME_SET_STATES + 16 * s;
    }
    return ME_OK;
}

/* The FMU at time t with its n states x (none when n is 0): ME_OK or as me_place returns. */
__attribute__((visibility("default"))) int fmugw_fmi2_me_place(
    fmi2SetTimeTYPE *set_time, fmi2SetContinuousStatesTYPE *set_states, fmi2Component component,
    double t, const double *x, int n) {
    return me_place(set_time, set_states, component, t, x, n);
}

/*
 * The FMU at time t with states x (when place is non-zero; else where it stands), then its n
 * derivatives into dx. Returns ME_OK, or the call whose status was neither fmi2OK nor fmi2Warning
 * plus 16 times that status; nothing after it is called.
 */
__attribute__((visibility("default"))) int fmugw_fmi2_me_derivatives(
    fmi2SetTimeTYPE *set_time, fmi2SetContinuousStatesTYPE *set_states,
    fmi2GetDerivativesTYPE *get_derivatives, fmi2Component component, int place, double t,
    const double *x, double *dx, int n) {
    if (place) {
        int failed = me_place(set_time, set_states, component, t, x, n);
        if (failed != ME_OK) return failed;
    }
    fmi2Status s = get_derivatives(component, dx, (size_t)n);
    return s != fmi2OK && s != fmi2Warning ? ME_GET_DERIVATIVES + 16 * s : ME_OK;
}

/*
 * As fmugw_fmi2_me_derivatives, the FMU's nz event indicators into z after placing it (its n
 * states x, when place is non-zero).
 */
__attribute__((visibility("default"))) int fmugw_fmi2_me_indicators(
    fmi2SetTimeTYPE *set_time, fmi2SetContinuousStatesTYPE *set_states,
    fmi2GetEventIndicatorsTYPE *get_indicators, fmi2Component component, int place, double t,
    const double *x, int n, double *z, int nz) {
    if (place) {
        int failed = me_place(set_time, set_states, component, t, x, n);
        if (failed != ME_OK) return failed;
    }
    fmi2Status s = get_indicators(component, z, (size_t)nz);
    return s != fmi2OK && s != fmi2Warning ? ME_GET_INDICATORS + 16 * s : ME_OK;
}

/*
 * As fmugw_fmi2_me_indicators, the nvr real variables vr into values: an output sample, the FMU
 * placed between its integrator's steps.
 */
__attribute__((visibility("default"))) int fmugw_fmi2_me_reals(
    fmi2SetTimeTYPE *set_time, fmi2SetContinuousStatesTYPE *set_states, fmi2GetRealTYPE *get_real,
    fmi2Component component, int place, double t, const double *x, int n,
    const fmi2ValueReference *vr, int nvr, double *values) {
    if (place) {
        int failed = me_place(set_time, set_states, component, t, x, n);
        if (failed != ME_OK) return failed;
    }
    fmi2Status s = get_real(component, vr, (size_t)nvr, values);
    return s != fmi2OK && s != fmi2Warning ? ME_GET_REAL + 16 * s : ME_OK;
}

/*
 * The Jacobian of the FMU's n derivatives (value references unknowns) by its n states (knowns)
 * where it stands, row by row into jacobian (n * n values): one fmi2GetDirectionalDerivative per
 * column, seeded with a unit vector in seed, the column into column (both of n). Returns ME_OK, or
 * ME_GET_DIRECTIONAL_DERIVATIVE plus 16 times the status that was neither fmi2OK nor fmi2Warning;
 * no column after it is asked for.
 */
__attribute__((visibility("default"))) int fmugw_fmi2_me_jacobian(
    fmi2GetDirectionalDerivativeTYPE *get_directional_derivative, fmi2Component component,
    const fmi2ValueReference *unknowns, const fmi2ValueReference *knowns, int n, double *seed,
    double *column, double *jacobian) {
    for (int i = 0; i < n; i++) seed[i] = 0;
    for (int j = 0; j < n; j++) {
        seed[j] = 1;
        fmi2Status s = get_directional_derivative(component, unknowns, (size_t)n, knowns,
                                                  (size_t)n, seed, column);
        seed[j] = 0;
        if (s != fmi2OK && s != fmi2Warning) return ME_GET_DIRECTIONAL_DERIVATIVE + 16 * s;
        for (int i = 0; i < n; i++) jacobian[i * n + j] = column[i];
    }
    return ME_OK;
}

/*
 * fmi2CompletedIntegratorStep with noSetFMUStatePriorToCurrentPoint true. Returns its status plus
 * its two answers: 16 if enterEventMode, 32 if terminateSimulation.
 */
__attribute__((visibility("default"))) int fmugw_fmi2_completed_integrator_step(
    fmi2CompletedIntegratorStepTYPE *completed, fmi2Component component) {
    fmi2Boolean enter_event_mode = fmi2False, terminate = fmi2False;
    fmi2Status s = completed(component, fmi2True, &enter_event_mode, &terminate);
    return (int)s | (enter_event_mode ? 16 : 0) | (terminate ? 32 : 0);
}
