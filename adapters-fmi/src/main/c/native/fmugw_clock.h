/* The deadline checks the native co-simulation loops share (fmugw_fmi2.c, fmugw_fmi3.c). */
#ifndef FMUGW_CLOCK_H
#define FMUGW_CLOCK_H

#include <time.h>

/*
 * CLOCK_MONOTONIC as of the last clock tick: a plain read of memory the kernel shares, where the
 * precise clock cost as much as a simple FMU's step.
 */
static inline long long monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/*
 * Steps left unchecked against the deadline after a check that found the coarse clock where the
 * check before it did (the steps in between took less than one tick, 1 to 4 ms): even that read
 * cost about a tenth of a simple FMU's step (BouncingBall: 3 ns of 30).
 */
enum { CHECKS_SKIPPED = 15 };

#endif
