/*
 * Hostile test fixture (FMI 3.0 twin of hostile/Segfault), never part of the model library:
 * fmi3DoStep writes through a NULL pointer, so the process running the FMU dies of SIGSEGV.
 */
#include <stddef.h>

#include "model.h"

static const Variable VARIABLES[] = {
    {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
     .variability = VARIABILITY_CONTINUOUS},
};

static fmi3Status do_step(ModelInstance *inst, double tEnd, bool *event) {
    /* Both volatile: the pointer, so that gcc cannot prove it NULL and emit a trap instruction
       (SIGILL, not SIGSEGV); the target, so that gcc keeps a store nothing reads. */
    volatile int *volatile target = NULL;

    (void)inst;
    (void)tEnd;
    (void)event;
    *target = 42;
    return fmi3OK;
}

const Model MODEL = {.variables = VARIABLES, .nVariables = 1, .coSimulation = true, .doStep = do_step};
