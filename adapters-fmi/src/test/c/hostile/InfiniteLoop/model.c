/*
 * Hostile test fixture, never part of the model library: fmi2DoStep spins forever. It makes no
 * system call and never returns to the importer, so nothing inside the process can stop it;
 * only the sandbox's wall-clock timeout, killing the worker, ends the run.
 */
#include "model.h"

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    /* Volatile, so that the compiler keeps the loop's work instead of reducing it to nothing. */
    volatile unsigned long spins = 0;

    (void)inst;
    (void)tEnd;
    for (;;) spins++;
    return fmi2OK;
}

const Model MODEL = {.doStep = do_step};
