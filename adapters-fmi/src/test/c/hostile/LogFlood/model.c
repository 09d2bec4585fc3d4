/*
 * Hostile test fixture, never part of the model library: fmi2DoStep writes to stdout and to
 * stderr directly, then calls the importer's logger with messages of messageBytes (1 MiB) each
 * whether or not logging is on: gigabytes in all with the defaults. The sandbox must cap what it
 * keeps and must not block, buffer it all, or let the flood corrupt its own channel to the worker.
 *
 * The streams come first: an importer with a fixed-size message buffer (FMI4j's is 1000 bytes)
 * dies at the first logger call, and the stream flood would then never be tried. The engine's own
 * logger keeps messages of any length, up to its cap.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"

enum { VR_MESSAGES, VR_STREAM_MIB, VR_MESSAGE_BYTES, N_INTEGERS };

#define MIB (1 << 20)

static const Variable INTEGERS[N_INTEGERS] = {
    [VR_MESSAGES] = {"messages", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 2048, NULL},
    [VR_STREAM_MIB] = {"streamMiB", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 1024, NULL},
    [VR_MESSAGE_BYTES] = {"messageBytes", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, MIB, NULL},
};

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    char *text = malloc(MIB + 1);

    (void)tEnd;
    if (!text) {
        log_error(inst, "out of memory for the flood text");
        return fmi2Error;
    }
    /* No '%' anywhere: the logger treats the message as a printf format. */
    memset(text, 'x', MIB);
    text[MIB] = '\0';
    /* A failed write (say, the reading end was closed) ends that stream's flood, not the step. */
    for (int k = 0; k < inst->i[VR_STREAM_MIB] && fputs(text, stdout) != EOF; k++) {
    }
    fflush(stdout);
    for (int k = 0; k < inst->i[VR_STREAM_MIB] && write(STDERR_FILENO, text, MIB) > 0; k++) {
    }
    int bytes = inst->i[VR_MESSAGE_BYTES];
    if (bytes >= 0 && bytes < MIB) text[bytes] = '\0';
    for (int k = 0; k < inst->i[VR_MESSAGES]; k++) {
        inst->callbacks.logger(inst->callbacks.componentEnvironment, inst->name, fmi2OK, "logEvents", text);
    }
    free(text);
    return fmi2OK;
}

const Model MODEL = {
    .integers = INTEGERS,
    .nIntegers = N_INTEGERS,
    .doStep = do_step,
};
