/*
 * Hostile test fixture, never part of the model library: fmi2DoStep forks in a loop, and every
 * child does the same. There is no exec: each child is a copy of the worker process, renamed
 * "hostile-fork" so the tests can find it wherever it ends up. Each child also calls setsid()
 * to leave the worker's session and process group, so killing the worker, or its process
 * group, is not enough; the sandbox has to take down everything the worker started.
 *
 * After ceiling forks in all, every process stops forking and waits (without using CPU) to be
 * killed, so that a sandbox without a process limit fails its test instead of the machine.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "model.h"

enum { VR_CEILING, N_INTEGERS };

static const Variable INTEGERS[N_INTEGERS] = {
    [VR_CEILING] = {"ceiling", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 1000, NULL},
};

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    /* Shared with every descendant, so the ceiling bounds the whole tree. */
    int *forks = mmap(NULL, sizeof *forks, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int ceiling = inst->i[VR_CEILING];

    (void)tEnd;
    if (forks == MAP_FAILED) {
        log_error(inst, "mmap of the shared fork counter failed");
        return fmi2Error;
    }
    for (;;) {
        if (__atomic_add_fetch(forks, 1, __ATOMIC_SEQ_CST) > ceiling) {
            for (;;) pause();
        }
        switch (fork()) {
        case -1:
            /* Refused, most likely by a process limit: give the slot back and try again. */
            __atomic_sub_fetch(forks, 1, __ATOMIC_SEQ_CST);
            break;
        case 0:
            prctl(PR_SET_NAME, "hostile-fork", 0, 0, 0);
            setsid();
            break;
        default:
            break;
        }
    }
    return fmi2OK;
}

const Model MODEL = {
    .integers = INTEGERS,
    .nIntegers = N_INTEGERS,
    .doStep = do_step,
};
