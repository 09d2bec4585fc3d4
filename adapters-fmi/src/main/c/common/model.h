/*
 * Contract between the shared FMI 2.0 framework (common/) and one model
 * (library/<Name>/model.c). The model supplies variable tables and equations;
 * the framework owns the FMI state machine, value storage, argument checks,
 * logging and the co-simulation driver, so the rules are enforced in one place.
 */
#ifndef FMU_GATEWAY_MODEL_H
#define FMU_GATEWAY_MODEL_H

#include <stdbool.h>
#include "fmi2Functions.h"

typedef enum { CAUSALITY_PARAMETER, CAUSALITY_INPUT, CAUSALITY_OUTPUT, CAUSALITY_LOCAL } Causality;
typedef enum { VARIABILITY_FIXED, VARIABILITY_TUNABLE, VARIABILITY_DISCRETE, VARIABILITY_CONTINUOUS } Variability;
/* INITIAL_NONE is for inputs, which have a start value but no "initial" attribute. */
typedef enum { INITIAL_NONE, INITIAL_EXACT, INITIAL_CALCULATED } Initial;

/*
 * One row of a variable table. The row's index is the variable's value reference,
 * so value references are contiguous per type and need no lookup. These rows must
 * agree with the model's modelDescription.xml.
 */
typedef struct {
    const char *name;
    Causality causality;
    Variability variability;
    Initial initial;
    double start;      /* Real, Integer and Boolean starts; a double holds them all exactly */
    const char *text;  /* String start; NULL means "" */
} Variable;

typedef struct ModelInstance ModelInstance;

typedef struct {
    const Variable *reals, *integers, *booleans, *strings;
    size_t nReals, nIntegers, nBooleans, nStrings;

    /* Continuous states and their derivatives, as Real value references in the
       order of <ModelStructure><Derivatives>. */
    const fmi2ValueReference *states, *derivatives;
    size_t nStates;
    size_t nEventIndicators;

    /* Bytes of model-private discrete state (not FMI variables), zeroed on (re)start. */
    size_t privateSize;

    /* Largest RK4 substep of the generic co-simulation driver. */
    double maxSubstep;

    /* Computes calculated start values from parameters and checks them. Runs on every
       refresh during initialization mode and at exit, so it must be idempotent. NULL: none. */
    fmi2Status (*initialize)(ModelInstance *inst);

    /* Computes outputs and derivatives from time, states, inputs and parameters. NULL: none. */
    fmi2Status (*calculate)(ModelInstance *inst);

    /* d(derivatives[i]) / d(states[j]) at the current point (outputs and derivatives are
       refreshed first), for fmi2GetDirectionalDerivative with state derivatives as unknowns
       and states as knowns. NULL: directional derivatives are not provided, and the XML must
       not say providesDirectionalDerivative. */
    double (*partialDerivative)(const ModelInstance *inst, size_t i, size_t j);

    /* Fills MODEL.nEventIndicators values; NULL when there are none. */
    void (*eventIndicators)(ModelInstance *inst, fmi2Real z[]);

    /* Handles an event; timeEvent is true when the announced next event time is due. info
       arrives cleared, so a model with time events must announce the next one every time,
       since anything it leaves unset means "no further time event". NULL: no events. */
    void (*eventUpdate)(ModelInstance *inst, bool timeEvent, fmi2EventInfo *info);

    /* Advances inst->time to tEnd in one co-simulation step, exactly where the model
       can be solved in closed form. It replaces the generic driver entirely, time events
       included. NULL: use the generic RK4 driver. */
    fmi2Status (*doStep)(ModelInstance *inst, double tEnd);

    /* fmi2CompletedIntegratorStep's answers (both arrive false): a step event, or termination
       (a test fixture's). NULL: never asks; every event is a state or time event. */
    void (*completedStep)(ModelInstance *inst, bool *enterEventMode, bool *terminateSimulation);
} Model;

/* Each model.c defines exactly one. The GUID comes from its modelDescription.xml via
   -DMODEL_GUID at build time, so the two can never drift apart. */
extern const Model MODEL;

typedef enum {
    PHASE_INSTANTIATED = 1 << 0,
    PHASE_INITIALIZATION = 1 << 1,
    PHASE_EVENT = 1 << 2,
    PHASE_CONTINUOUS_TIME = 1 << 3,
    PHASE_STEP_COMPLETE = 1 << 4,
    PHASE_TERMINATED = 1 << 5,
    PHASE_ERROR = 1 << 6
} Phase;

struct ModelInstance {
    fmi2CallbackFunctions callbacks;
    char *name;
    fmi2Type type;
    Phase phase;
    bool loggingOn, logEvents;

    fmi2Real time;
    fmi2Real *r;
    fmi2Integer *i;
    fmi2Boolean *b;
    char **s;
    bool dirty; /* inputs, states or time changed since the last calculate() */

    bool nextEventTimeDefined;
    fmi2Real nextEventTime;
    void *model; /* MODEL.privateSize bytes */
    fmi2Real *work; /* scratch for the co-simulation driver */
};

/* Logging through the importer's logger; errors always, events only when enabled. */
void log_error(ModelInstance *inst, const char *format, ...);
void log_event(ModelInstance *inst, const char *format, ...);

/* Replaces string variable vr by an instance-owned zeroed buffer of len + 1 chars. */
char *string_buffer(ModelInstance *inst, fmi2ValueReference vr, size_t len);

#endif
