/*
 * Contract between the shared FMI 3.0 framework (fmi3/common/) and one model
 * (fmi3/library/<Name>/model.c). The model supplies one variable table and its equations;
 * the framework owns the FMI 3.0 state machine, value storage for every type, argument and
 * phase checks, logging, the co-simulation driver and clock bookkeeping.
 */
#ifndef FMU_GATEWAY_FMI3_MODEL_H
#define FMU_GATEWAY_FMI3_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "fmi3Functions.h"

typedef enum {
    TYPE_FLOAT32, TYPE_FLOAT64, TYPE_INT8, TYPE_UINT8, TYPE_INT16, TYPE_UINT16, TYPE_INT32,
    TYPE_UINT32, TYPE_INT64, TYPE_UINT64, TYPE_BOOLEAN, TYPE_STRING, TYPE_BINARY, TYPE_CLOCK
} Type;

typedef enum {
    CAUSALITY_INDEPENDENT, CAUSALITY_PARAMETER, CAUSALITY_INPUT, CAUSALITY_OUTPUT, CAUSALITY_LOCAL
} Causality;

typedef enum {
    VARIABILITY_CONSTANT, VARIABILITY_FIXED, VARIABILITY_TUNABLE, VARIABILITY_DISCRETE,
    VARIABILITY_CONTINUOUS, VARIABILITY_CLOCK
} Variability;

/* INITIAL_NONE is for inputs and the independent variable, which have no "initial". */
typedef enum { INITIAL_NONE, INITIAL_EXACT, INITIAL_CALCULATED } Initial;

/* How an input clock is scheduled (FMI 3.0 intervalVariability); output clocks are TRIGGERED. */
typedef enum { CLOCK_PERIODIC, CLOCK_TRIGGERED, CLOCK_COUNTDOWN } ClockKind;

/*
 * One row of the variable table. The row's index is the value reference (unique across all
 * types in FMI 3.0), so no lookup is needed. Rows must agree with modelDescription.xml.
 */
typedef struct {
    const char *name;
    Type type;
    Causality causality;
    Variability variability;
    Initial initial;
    size_t size;            /* array elements; 0 means a scalar */
    double start;           /* Float32/64 and Boolean start, every element */
    const double *starts;   /* Float arrays: one start per element instead; NULL: start */
    int64_t startInt;       /* signed integers: int64_t holds every one exactly */
    uint64_t startUInt;     /* unsigned integers */
    const char *text;       /* String start, or Binary start bytes; NULL: empty */
    size_t textSize;        /* Binary start length */
    ClockKind clock;        /* Clocks only */
    double interval;        /* CLOCK_PERIODIC only: the constant interval */
} Variable;

/* One element's storage. Not a union: a clock uses b (active), f (interval) and i (qualifier). */
typedef struct {
    double f;
    int64_t i;
    uint64_t u;
    bool b;
    char *bytes; /* String (NUL-terminated) or Binary data, instance-owned */
    size_t size; /* Binary length */
} Value;

typedef struct ModelInstance ModelInstance;

/* What an event iteration tells the importer (fmi3UpdateDiscreteStates' out-arguments). */
typedef struct {
    bool discreteStatesNeedUpdate;
    bool terminateSimulation;
    bool valuesOfContinuousStatesChanged;
    bool nextEventTimeDefined;
    double nextEventTime;
} EventInfo;

typedef struct {
    const Variable *variables;
    size_t nVariables;

    bool modelExchange, coSimulation, scheduledExecution;

    /* Continuous states and their derivatives as Float64 variables (arrays count element by
       element), in the order of <ModelStructure><ContinuousStateDerivative>. */
    const fmi3ValueReference *states, *derivatives;
    size_t nStateVariables;
    size_t nEventIndicators;

    size_t privateSize;  /* bytes of model-private state, zeroed on (re)start */
    double maxSubstep;   /* largest RK4 substep of the generic co-simulation driver */

    /* Checks parameters and computes calculated start values; runs on each refresh in
       initialization mode, so it must be idempotent. NULL: none. */
    fmi3Status (*initialize)(ModelInstance *inst);

    /* Outputs and derivatives from time, states, inputs and parameters. NULL: none. */
    fmi3Status (*calculate)(ModelInstance *inst);

    void (*eventIndicators)(ModelInstance *inst, double z[]);

    /* Handles an event; info arrives cleared (no next time event unless set). NULL: none. */
    void (*eventUpdate)(ModelInstance *inst, bool timeEvent, EventInfo *info);

    /* Exact co-simulation step: advances inst->time towards tEnd and stops at the first event
       (setting *event, leaving it for eventUpdate) or at tEnd. NULL: the generic RK4 driver. */
    fmi3Status (*doStep)(ModelInstance *inst, double tEnd, bool *event);

    /* d(unknown[ku]) / d(known[kk]) at the current point, for fmi3GetDirectionalDerivative.
       NULL: directional derivatives are not provided. */
    fmi3Status (*partialDerivative)(ModelInstance *inst, fmi3ValueReference unknown, size_t ku,
                                    fmi3ValueReference known, size_t kk, double *value);

    /* Scheduled execution: runs the model partition of input clock vr. */
    fmi3Status (*activatePartition)(ModelInstance *inst, fmi3ValueReference clock, double time);

    /* Called by every fmi3Get<Type> once the values are up to date; a status above fmi3Warning
       fails the read (a test fixture's failing read). NULL: none. */
    fmi3Status (*read)(ModelInstance *inst);

    /* fmi3CompletedIntegratorStep's answers (both arrive false): a step event, or termination
       (a test fixture's). NULL: never asks; every event is a state or time event. */
    void (*completedStep)(ModelInstance *inst, bool *enterEventMode, bool *terminateSimulation);
} Model;

/* Each model.c defines exactly one; the instantiation token comes from modelDescription.xml
   via -DINSTANTIATION_TOKEN at build time, so the two cannot drift apart. */
extern const Model MODEL;

typedef enum { ME, CS, SE } Interface;

typedef enum {
    PHASE_INSTANTIATED = 1 << 0,
    PHASE_INITIALIZATION = 1 << 1,
    PHASE_EVENT = 1 << 2,
    PHASE_CONTINUOUS_TIME = 1 << 3,
    PHASE_STEP = 1 << 4,
    PHASE_CLOCK_ACTIVATION = 1 << 5,
    PHASE_TERMINATED = 1 << 6,
    PHASE_ERROR = 1 << 7
} Phase;

struct ModelInstance {
    char *name;
    Interface interface;
    Phase phase;
    bool loggingOn, logEvents;

    fmi3InstanceEnvironment environment;
    fmi3LogMessageCallback logMessage;
    fmi3IntermediateUpdateCallback intermediateUpdate;
    fmi3ClockUpdateCallback clockUpdate;
    fmi3LockPreemptionCallback lockPreemption;
    fmi3UnlockPreemptionCallback unlockPreemption;
    bool eventModeUsed, earlyReturnAllowed;

    double time;
    Value *values;   /* every element of every variable */
    size_t *at;      /* at[vr]: index of the variable's first element in values */
    size_t nStates;  /* continuous state elements */
    bool dirty;      /* inputs, states or time changed since the last calculate() */

    bool nextEventTimeDefined;
    double nextEventTime;
    void *model;     /* MODEL.privateSize bytes */
    double *work;    /* scratch for the co-simulation driver */
};

/* Element k of variable vr; V(inst, vr) is its first (or only) element. */
#define E(inst, vr, k) ((inst)->values[(inst)->at[vr] + (k)])
#define V(inst, vr) E(inst, vr, 0)

/* Logging through the importer's logMessage; errors always, events only when enabled. */
void log_error(ModelInstance *inst, const char *format, ...) __attribute__((format(printf, 2, 3)));
void log_event(ModelInstance *inst, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Replaces string or binary element (vr, k) by a copy of size bytes (+ NUL). */
bool store_bytes(ModelInstance *inst, fmi3ValueReference vr, size_t k, const char *data, size_t size);

/* Scheduled execution, called from a model partition: output clock vr ticks now, or the
   countdown clock vr is scheduled interval seconds from now. Both notify the importer. */
void clock_tick(ModelInstance *inst, fmi3ValueReference vr);
void countdown_schedule(ModelInstance *inst, fmi3ValueReference vr, double interval);

#endif
