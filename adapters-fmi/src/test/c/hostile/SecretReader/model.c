/*
 * Hostile test fixture, never part of the model library: fmi2DoStep reads the file at path and
 * returns its first limit bytes as the output content, as model code stealing the gateway's
 * configuration, keys or another customer's files would.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "model.h"

enum { VR_LIMIT, VR_ERROR, N_INTEGERS };
enum { VR_PATH, VR_CONTENT, N_STRINGS };

static const Variable INTEGERS[N_INTEGERS] = {
    [VR_LIMIT] = {"limit", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 200, NULL},
    [VR_ERROR] = {"error", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
};

static const Variable STRINGS[N_STRINGS] = {
    [VR_PATH] = {"path", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0, NULL},
    [VR_CONTENT] = {"content", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
};

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    int limit = inst->i[VR_LIMIT], n = 0, got = 0, fd;
    char *content;

    (void)tEnd;
    if (limit < 1 || limit > 65536) {
        log_error(inst, "limit must be 1 to 65536, got %d", limit);
        return fmi2Error;
    }
    if (!(content = string_buffer(inst, VR_CONTENT, (size_t)limit))) return fmi2Error;
    if ((fd = open(inst->s[VR_PATH], O_RDONLY)) < 0) {
        inst->i[VR_ERROR] = errno;
        return fmi2OK;
    }
    while (n < limit && (got = (int)read(fd, content + n, (size_t)(limit - n))) > 0) n += got;
    inst->i[VR_ERROR] = got < 0 ? errno : 0;
    close(fd);
    /* Files such as /proc/<pid>/environ separate entries with NUL, which would end the string. */
    for (int k = 0; k < n; k++) {
        if (content[k] == '\0') content[k] = '\n';
    }
    return fmi2OK;
}

const Model MODEL = {
    .integers = INTEGERS,
    .strings = STRINGS,
    .nIntegers = N_INTEGERS,
    .nStrings = N_STRINGS,
    .doStep = do_step,
};
