/*
 * Hostile test fixture, never part of the model library: fmi2DoStep creates (or overwrites) the
 * file at path, as model code planting files on the gateway's host or in another customer's
 * folder would. It reports whether the write succeeded, so a test can check both sides.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "model.h"

enum { VR_WRITTEN, VR_ERROR, N_INTEGERS };
enum { VR_PATH, N_STRINGS };

static const Variable INTEGERS[N_INTEGERS] = {
    [VR_WRITTEN] = {"written", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
    [VR_ERROR] = {"error", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
};

static const Variable STRINGS[N_STRINGS] = {
    [VR_PATH] = {"path", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0, NULL},
};

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    static const char TEXT[] = "written by the FileWriter test fixture\n";
    int fd = open(inst->s[VR_PATH], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    bool written = fd >= 0 && write(fd, TEXT, sizeof TEXT - 1) == (ssize_t)(sizeof TEXT - 1);

    (void)tEnd;
    inst->i[VR_WRITTEN] = written;
    inst->i[VR_ERROR] = written ? 0 : errno;
    if (fd >= 0) close(fd);
    return fmi2OK;
}

const Model MODEL = {
    .integers = INTEGERS,
    .strings = STRINGS,
    .nIntegers = N_INTEGERS,
    .nStrings = N_STRINGS,
    .doStep = do_step,
};
