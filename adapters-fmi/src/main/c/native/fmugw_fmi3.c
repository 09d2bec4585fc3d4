/*
 * The FMI 3.0 co-simulation inner loop in C, as fmugw_fmi2_cs_steps is FMI 2.0's: fmi3DoStep and
 * fmi3GetFloat64 for a chunk of communication points in one call from Java (Fmi3NativeSteps),
 * where one JNA call each cost many times a simple FMU's step. Built into the same library.
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
 * fmi3True, ...); then fmi3GetFloat64 of the nvr value references into values[i * nvr ...]. Stops
 * at a status other than fmi3OK or fmi3Warning, after a step that asks for event handling or to
 * terminate (result[2] and result[3] get those two answers; its outputs are not read), or before a
 * step once the deadline has passed, checked as fmugw_fmi2_cs_steps checks it. Returns the points
 * completed; result[0] gets the status that stopped it and result[1] why (FMI3_STOPPED_BY_...).
 */
__attribute__((visibility("default"))) int fmugw_fmi3_cs_steps(
    fmi3DoStepTYPE *do_step, fmi3GetFloat64TYPE *get_float64, fmi3Instance instance,
    const double *time, const double *step, int n, const fmi3ValueReference *vrs, int nvr,
    double *values, long long deadline, int *result) {
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
            fmi3Status status =
                get_float64(instance, vrs, (size_t)nvr, values + (size_t)i * nvr, (size_t)nvr);
            if (status != fmi3OK && status != fmi3Warning) {
                result[0] = status;
                result[1] = FMI3_STOPPED_BY_GET_FLOAT64;
                return i;
            }
        }
    }
    return n;
}
