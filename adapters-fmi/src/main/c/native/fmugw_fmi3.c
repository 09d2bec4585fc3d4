/*
 * The FMI 3.0 co-simulation inner loop in C, as fmugw_fmi2_cs_steps is FMI 2.0's: fmi3DoStep and
 * fmi3GetFloat64 for a chunk of communication points in one call from Java (Fmi3NativeSteps),
 * where one JNA call each cost many times a simple FMU's step. And for model exchange, as
 * fmugw_fmi2_me_ are FMI 2.0's: the FMU placed at a time and states and read there in one call
 * (Fmi3NativeModelExchange). Built into the same library.
 */
#define _GNU_SOURCE /* CLOCK_MONOTONIC_COARSE */
#include <stddef.h>

#include "fmi3Functions.h"
#include "fmugw_clock.h"

/* Why a chunk stopped early (result[1]). */
enum {
    FMI3_STOPPED_BY_NONE = 0,
    FMI3_STOPPED_BY_DO_STEP = 1,
    FMI3_STOPPED_BY_GET_FLOAT64 = 2,
    FMI3_STOPPED_BY_DEADLINE = 3,
    FMI3_STOPPED_BY_STEP_FLAGS = 4
};

/*
 * For each point i < n: unless step[i] is negative, fmi3DoStep(instance, time[i], step[i],
 * fmi3True, ...); then fmi3GetFloat64 of the nvr value references, nvalues values in all (arrays
 * count element by element), into values[i * nvalues ...]. Stops at a status other than fmi3OK or
 * fmi3Warning, after a step that asks for event handling or to terminate (result[2] and result[3]
 * get those two answers; its outputs are not read), or before a step once the deadline has
 * passed, checked as fmugw_fmi2_cs_steps checks it. Returns the points completed; result[0] gets
 * the status that stopped it and result[1] why (FMI3_STOPPED_BY_...).
 */
__attribute__((visibility("default"))) int fmugw_fmi3_cs_steps(
    fmi3DoStepTYPE *do_step, fmi3GetFloat64TYPE *get_float64, fmi3Instance instance,
    const double *time, const double *step, int n, const fmi3ValueReference *vrs, int nvr,
    int nvalues, double *values, long long deadline, int *result) {
    result[0] = fmi3OK;
    result[1] = FMI3_STOPPED_BY_NONE;
    result[2] = 0;
    result[3] = 0;
    fmugw_deadline_checks checks = {0, 0};
    for (int i = 0; i < n; i++) {
        if (fmugw_deadline_passed(&checks, deadline)) {
            result[1] = FMI3_STOPPED_BY_DEADLINE;
            return i;
        }
        if (step[i] >= 0) {
            fmi3Boolean event = fmi3False, terminate = fmi3False, early = fmi3False;
            fmi3Float64 last = 0;
            fmi3Status status =
                do_step(instance, time[i], step[i], fmi3True, &event, &terminate, &early, &last);
            if (status != fmi3OK && status != fmi3Warning) {
                result[0] = status;
                result[1] = FMI3_STOPPED_BY_DO_STEP;
                return i;
            }
            if (event || terminate) {
                result[1] = FMI3_STOPPED_BY_STEP_FLAGS;
                result[2] = event ? 1 : 0;
                result[3] = terminate ? 1 : 0;
                return i;
            }
        }
        if (nvr > 0) {
            fmi3Status status = get_float64(instance, vrs, (size_t)nvr,
                                            values + (size_t)i * nvalues, (size_t)nvalues);
            if (status != fmi3OK && status != fmi3Warning) {
                result[0] = status;
                result[1] = FMI3_STOPPED_BY_GET_FLOAT64;
                return i;
            }
        }
    }
    return n;
}

/*
 * Model exchange: which call failed in the fmugw_fmi3_me_ functions (their return value, plus 16
 * times its status). Only an error or a fatal status stops them, as the instance's own calls throw
 * only then; a discard goes on as a warning does.
 */
enum { ME3_OK = 0, ME3_SET_TIME = 1, ME3_SET_STATES = 2, ME3_GET = 3 };

static int me3_failed(fmi3Status status) { return status == fmi3Error || status == fmi3Fatal; }

/* The FMU at time t with its n states x (none when n is 0), unless x is NULL. */
static int me3_place(fmi3SetTimeTYPE *set_time, fmi3SetContinuousStatesTYPE *set_states,
                     fmi3Instance instance, double t, const double *x, int n) {
    if (x == NULL) return ME3_OK;
    fmi3Status s = set_time(instance, t);
    if (me3_failed(s)) return ME3_SET_TIME + 16 * s;
    if (n > 0) {
        s = set_states(instance, x, (size_t)n);
        if (me3_failed(s)) return ME3_SET_STATES + 16 * s;
    }
    return ME3_OK;
}

/*
 * The FMU at time t with its n states x (unless x is NULL: where it stands), then, unless get is
 * NULL, get(instance, into, m): fmi3GetContinuousStateDerivatives or fmi3GetEventIndicators, which
 * have one shape. One call from Java (Fmi3NativeModelExchange) where each is a JNA call of its own.
 * Returns ME3_OK, or the call that failed plus 16 times its status; nothing after it is called.
 */
__attribute__((visibility("default"))) int fmugw_fmi3_me_values(
    fmi3SetTimeTYPE *set_time, fmi3SetContinuousStatesTYPE *set_states,
    fmi3GetContinuousStateDerivativesTYPE *get, fmi3Instance instance, double t, const double *x,
    int n, double *into, int m) {
    int failed = me3_place(set_time, set_states, instance, t, x, n);
    if (failed != ME3_OK || get == NULL) return failed;
    fmi3Status s = get(instance, into, (size_t)m);
    return me3_failed(s) ? ME3_GET + 16 * s : ME3_OK;
}

/*
 * As fmugw_fmi3_me_values, with fmi3GetFloat64 of the nvr value references into nvalues values
 * (none read when nvr is 0, as fmugw_fmi3_cs_steps reads none).
 */
__attribute__((visibility("default"))) int fmugw_fmi3_me_float64(
    fmi3SetTimeTYPE *set_time, fmi3SetContinuousStatesTYPE *set_states,
    fmi3GetFloat64TYPE *get_float64, fmi3Instance instance, double t, const double *x, int n,
    const fmi3ValueReference *vrs, int nvr, double *values, int nvalues) {
    int failed = me3_place(set_time, set_states, instance, t, x, n);
    if (failed != ME3_OK || nvr == 0) return failed;
    fmi3Status s = get_float64(instance, vrs, (size_t)nvr, values, (size_t)nvalues);
    return me3_failed(s) ? ME3_GET + 16 * s : ME3_OK;
}

/*
 * The Jacobian of the FMU's n derivatives (value references unknowns, of n elements in all) by its
 * states (knowns, n elements) where it stands, row by row into jacobian (n * n values): one
 * fmi3GetDirectionalDerivative per column, seeded with a unit vector in seed, the column into column
 * (both of n). Returns ME3_OK, or ME3_GET plus 16 times the error or fatal status; no column after
 * it is asked for.
 */
__attribute__((visibility("default"))) int fmugw_fmi3_me_jacobian(
    fmi3GetDirectionalDerivativeTYPE *get_directional_derivative, fmi3Instance instance,
    const fmi3ValueReference *unknowns, int nunknowns, const fmi3ValueReference *knowns,
    int nknowns, int n, double *seed, double *column, double *jacobian) {
    for (int i = 0; i < n; i++) seed[i] = 0;
    for (int j = 0; j < n; j++) {
        seed[j] = 1;
        fmi3Status s =
            get_directional_derivative(instance, unknowns, (size_t)nunknowns, knowns,
                                       (size_t)nknowns, seed, (size_t)n, column, (size_t)n);
        seed[j] = 0;
        if (me3_failed(s)) return ME3_GET + 16 * s;
        for (int i = 0; i < n; i++) jacobian[i * n + j] = column[i];
    }
    return ME3_OK;
}

/*
 * fmi3CompletedIntegratorStep with noSetFMUStatePriorToCurrentPoint true. Returns its status plus
 * its two answers: 16 if enterEventMode, 32 if terminateSimulation.
 */
__attribute__((visibility("default"))) int fmugw_fmi3_completed_integrator_step(
    fmi3CompletedIntegratorStepTYPE *completed, fmi3Instance instance) {
    fmi3Boolean enter_event_mode = fmi3False, terminate = fmi3False;
    fmi3Status s = completed(instance, fmi3True, &enter_event_mode, &terminate);
    return (int)s | (enter_event_mode ? 16 : 0) | (terminate ? 32 : 0);
}
