/*
 * Hostile test fixture, never part of the model library: fmi2DoStep tries to start processes the
 * two ways native code can, and reports how far it got instead of doing harm. It forks up to
 * attempts children one after the other (each exits at once and is reaped), then tries to replace
 * the worker with another program (the worker's own java, asked for its version). A sandbox that
 * lets the exec through loses its worker, so the run fails instead of returning outputs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model.h"

enum { VR_ATTEMPTS, VR_FORKED, VR_FORK_ERROR, VR_EXEC_ERROR, N_INTEGERS };

static const Variable INTEGERS[N_INTEGERS] = {
    [VR_ATTEMPTS] = {"attempts", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 100, NULL},
    [VR_FORKED] = {"forked", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
    [VR_FORK_ERROR] = {"forkError", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
    [VR_EXEC_ERROR] = {"execError", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
};

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    char *const argv[] = {"java", "-version", NULL};
    char *const envp[] = {NULL};
    int forked = 0;
    int fork_error = 0;

    (void)tEnd;
    for (int i = 0; i < inst->i[VR_ATTEMPTS]; i++) {
        pid_t child = fork();
        if (child == 0) {
            _exit(0);
        }
        if (child < 0) {
            if (fork_error == 0) fork_error = errno;
            continue;
        }
        forked++;
        waitpid(child, NULL, 0);
    }
    inst->i[VR_FORKED] = forked;
    inst->i[VR_FORK_ERROR] = fork_error;
    execve("/proc/self/exe", argv, envp);
    inst->i[VR_EXEC_ERROR] = errno;
    return fmi2OK;
}

const Model MODEL = {
    .integers = INTEGERS,
    .nIntegers = N_INTEGERS,
    .doStep = do_step,
};
