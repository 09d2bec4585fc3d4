/*
 * Hostile test fixture (FMI 3.0 twin of hostile/ForkBomb), never part of the model library:
 * fmi3DoStep forks in a loop, and every child does the same, each renamed "hostile-fork" and
 * in a session of its own, so killing the worker or its process group is not enough. After
 * ceiling forks in all, every process waits (without using CPU) to be killed, so that a
 * sandbox without a process limit fails its test instead of the machine.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "model.h"

enum { VR_TIME, VR_CEILING, N_VARIABLES };

static const Variable VARIABLES[N_VARIABLES] = {
    [VR_TIME] = {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
                 .variability = VARIABILITY_CONTINUOUS},
    [VR_CEILING] = {.name = "ceiling", .type = TYPE_INT32, .causality = CAUSALITY_PARAMETER,
                    .variability = VARIABILITY_FIXED, .initial = INITIAL_EXACT, .startInt = 1000},
};

static fmi3Status do_step(ModelInstance *inst, double tEnd, bool *event) {
    /* Shared with every descendant, so the ceiling bounds the whole tree. */
    int *forks = mmap(NULL, sizeof *forks, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int64_t ceiling = V(inst, VR_CEILING).i;

    (void)tEnd;
    (void)event;
    if (forks == MAP_FAILED) {
        log_error(inst, "mmap of the shared fork counter failed");
        return fmi3Error;
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
    return fmi3OK;
}

const Model MODEL = {.variables = VARIABLES, .nVariables = N_VARIABLES, .coSimulation = true, .doStep = do_step};
