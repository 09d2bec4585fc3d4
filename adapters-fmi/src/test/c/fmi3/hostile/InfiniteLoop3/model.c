/*
 * Hostile test fixture (FMI 3.0 twin of hostile/InfiniteLoop), never part of the model library:
 * fmi3DoStep spins forever without a system call, so only the sandbox's wall-clock timeout,
 * killing the worker, ends the run.
 */
#include "model.h"

static const Variable VARIABLES[] = {
    {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
     .variability = VARIABILITY_CONTINUOUS},
};

static fmi3Status do_step(ModelInstance *inst, double tEnd, bool *event) {
    /* Volatile, so that the compiler keeps the loop's work instead of reducing it to nothing. */
    volatile unsigned long spins = 0;

    (void)inst;
    (void)tEnd;
    (void)event;
    for (;;) spins++;
    return fmi3OK;
}

const Model MODEL = {.variables = VARIABLES, .nVariables = 1, .coSimulation = true, .doStep = do_step};
