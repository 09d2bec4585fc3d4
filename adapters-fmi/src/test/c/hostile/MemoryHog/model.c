/*
 * Hostile test fixture, never part of the model library: fmi2DoStep allocates 16 MiB chunks and
 * writes to every page of each, without checking malloc, like careless model code. Under a
 * memory limit malloc fails and the write through NULL crashes the process (or the kernel
 * kills it first); either way the sandbox must end the run and go on serving other runs.
 *
 * It stops at ceilingMiB and returns normally, so that a sandbox without a memory limit fails
 * its test instead of exhausting the machine the tests run on.
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"

enum { VR_CEILING_MIB, VR_ALLOCATED_MIB, N_INTEGERS };

#define CHUNK_MIB 16

static const Variable INTEGERS[N_INTEGERS] = {
    [VR_CEILING_MIB] = {"ceilingMiB", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 8192, NULL},
    [VR_ALLOCATED_MIB] = {"allocatedMiB", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
};

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    /* Every chunk starts with a pointer to the previous one and the newest is kept in the
       instance, so the memory stays reachable and gcc cannot drop the allocations as dead. */
    void **newest = inst->model;

    (void)tEnd;
    while (inst->i[VR_ALLOCATED_MIB] < inst->i[VR_CEILING_MIB]) {
        char *chunk = malloc((size_t)CHUNK_MIB << 20);

        memset(chunk, 0x5a, (size_t)CHUNK_MIB << 20);
        memcpy(chunk, newest, sizeof *newest);
        *newest = chunk;
        inst->i[VR_ALLOCATED_MIB] += CHUNK_MIB;
    }
    return fmi2OK;
}

const Model MODEL = {
    .integers = INTEGERS,
    .nIntegers = N_INTEGERS,
    .privateSize = sizeof(void *),
    .doStep = do_step,
};
