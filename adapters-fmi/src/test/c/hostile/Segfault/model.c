/*
 * Hostile test fixture, never part of the model library: fmi2DoStep writes through a NULL
 * pointer, so the process running the FMU dies of SIGSEGV. The sandbox must report CRASHED
 * naming signal 11 and go on serving other runs.
 */
#include <stddef.h>

#include "model.h"

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    /* Both volatile: the pointer, so that gcc cannot prove it NULL and emit a trap instruction
       (SIGILL, not SIGSEGV); the target, so that gcc keeps a store nothing reads. */
    volatile int *volatile target = NULL;

    (void)inst;
    (void)tEnd;
    *target = 42;
    return fmi2OK;
}

const Model MODEL = {.doStep = do_step};
