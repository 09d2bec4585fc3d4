/*
 * The engine's co-simulation inner loop for FMI 2.0, in C: fmi2DoStep and fmi2GetReal for a chunk
 * of communication points in one call from Java (NativeCoSimulation), where calling them one by
 * one through FMI4j's JNI glue cost several times the FMU's own work. Built by the Maven build into
 * the adapters-fmi jar (linux-x86-64/libfmugw_fmi2.so), loaded by JNA in the process that runs the
 * FMU: a sandboxed worker, never the gateway.
 */
#define _POSIX_C_SOURCE 199309L
#include <stddef.h>
#include <time.h>

#include "fmi2Functions.h"

/* Which call stopped a chunk early (result[1]). */
enum { STOPPED_BY_NONE = 0, STOPPED_BY_DO_STEP = 1, STOPPED_BY_GET_REAL = 2, STOPPED_BY_DEADLINE = 3 };

static long long monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/*
 * For each point i < n: unless step[i] is negative, fmi2DoStep(component, time[i], step[i],
 * fmi2True); then fmi2GetReal of the nvr value references into values[i * nvr ...]. Stops at a
 * status other than fmi2OK or fmi2Warning, or before a step once CLOCK_MONOTONIC (the clock of
 * Java's System.nanoTime on Linux) has passed deadline. Returns the points completed; result[0]
 * gets the status that stopped it and result[1] the call (STOPPED_BY_...), both 0 when none did.
 */
__attribute__((visibility("default"))) int fmugw_fmi2_cs_steps(
    fmi2DoStepTYPE *do_step, fmi2GetRealTYPE *get_real, fmi2Component component,
    const double *time, const double *step, int n, const fmi2ValueReference *vrs, int nvr,
    double *values, long long deadline, int *result) {
    result[0] = fmi2OK;
    result[1] = STOPPED_BY_NONE;
    for (int i = 0; i < n; i++) {
        if (monotonic_ns() - deadline > 0) {
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
