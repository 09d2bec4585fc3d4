/*
 * Hostile test fixture, never part of the model library: fmi2DoStep calls abort(), as a failed
 * assert() in model code would, so the process running the FMU dies of SIGABRT. The sandbox
 * must report CRASHED naming signal 6 and go on serving other runs.
 */
#include <stdlib.h>

#include "model.h"

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    (void)inst;
    (void)tEnd;
    abort();
}

const Model MODEL = {.doStep = do_step};
