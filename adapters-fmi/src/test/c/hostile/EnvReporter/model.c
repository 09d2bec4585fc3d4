/*
 * Hostile test fixture, never part of the model library: fmi2DoStep returns the environment of
 * the process running it as the output env, one NAME=value per line, as model code looking
 * for database passwords or API keys inherited from the gateway would.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>

#include "model.h"

enum { VR_ENV, N_STRINGS };

#define MAX_ENV (64 * 1024)

static const Variable STRINGS[N_STRINGS] = {
    [VR_ENV] = {"env", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
};

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    char *env = string_buffer(inst, VR_ENV, MAX_ENV);
    size_t n = 0;

    (void)tEnd;
    if (!env) return fmi2Error;
    for (char **var = environ; var && *var; var++) {
        int added = snprintf(env + n, MAX_ENV + 1 - n, "%s%s", n ? "\n" : "", *var);

        /* snprintf has cut the line short: the buffer is full. */
        if (added < 0 || (size_t)added >= MAX_ENV + 1 - n) break;
        n += (size_t)added;
    }
    return fmi2OK;
}

const Model MODEL = {
    .strings = STRINGS,
    .nStrings = N_STRINGS,
    .doStep = do_step,
};
