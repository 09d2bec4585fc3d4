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

/* A loop's checks against its deadline: the clock at the last check (0 before the first), and the
   steps still to go unchecked. Zero-initialised. */
typedef struct {
    long long checked;
    int unchecked;
} fmugw_deadline_checks;

/*
 * Whether the deadline has passed, asked before each step: the coarse clock is read before every
 * step until two readings in a row are equal, then every CHECKS_SKIPPED + 1 steps while the steps
 * come faster than it ticks, so a loop stops past its deadline by at most those steps (unless they
 * slowed down at that very moment) and a tick.
 */
static inline int fmugw_deadline_passed(fmugw_deadline_checks *checks, long long deadline) {
    if (checks->unchecked > 0) {
        checks->unchecked--;
        return 0;
    }
    long long now = monotonic_ns();
    if (now - deadline > 0) return 1;
    checks->unchecked = now == checks->checked ? CHECKS_SKIPPED : 0;
    checks->checked = now;
    return 0;
}

#endif
