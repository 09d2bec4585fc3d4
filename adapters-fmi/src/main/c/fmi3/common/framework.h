/* Internals shared by the files of fmi3/common/; models include model.h only. */
#ifndef FMU_GATEWAY_FMI3_FRAMEWORK_H
#define FMU_GATEWAY_FMI3_FRAMEWORK_H

#include "model.h"

#ifndef INSTANTIATION_TOKEN
#error "INSTANTIATION_TOKEN must be defined by the build (taken from modelDescription.xml)"
#endif

#define ANY_PHASE 0xFFu
#define SETTABLE_PHASES (PHASE_INSTANTIATED | PHASE_INITIALIZATION | PHASE_EVENT | \
                         PHASE_CONTINUOUS_TIME | PHASE_STEP | PHASE_CLOCK_ACTIVATION)
#define READABLE_PHASES (PHASE_INITIALIZATION | PHASE_EVENT | PHASE_CONTINUOUS_TIME | PHASE_STEP | \
                         PHASE_CLOCK_ACTIVATION | PHASE_TERMINATED | PHASE_ERROR)

/* Before an instance exists (the fmi3Instantiate* functions) there is only the callback. */
void log_raw(fmi3LogMessageCallback logMessage, fmi3InstanceEnvironment environment,
             fmi3Status status, const char *category, const char *format, ...)
    __attribute__((format(printf, 5, 6)));

ModelInstance *instance_new(const char *name, Interface interface, bool loggingOn,
                            fmi3InstanceEnvironment environment, fmi3LogMessageCallback logMessage);
void instance_free(ModelInstance *inst);
/* Back to the freshly instantiated state: start values, time 0, no events. */
fmi3Status instance_restart(ModelInstance *inst);

/* Elements of variable vr: 1 for scalars. */
size_t elements(fmi3ValueReference vr);

/* True when fn may be called in the current phase; otherwise logs why not. */
bool allowed(ModelInstance *inst, const char *fn, unsigned phases);
/* As allowed(), and the instance must have been created for the given interface. */
bool allowed_for(ModelInstance *inst, const char *fn, Interface interface, unsigned phases);
const char *phase_name(Phase phase);

/* A failed model computation leaves the instance in the error state, as FMI 3.0 asks. */
fmi3Status failed(ModelInstance *inst, fmi3Status status);

/* Recomputes outputs and derivatives if anything they depend on has changed. */
fmi3Status refresh(ModelInstance *inst);

/* Continuous states (or their derivatives) flattened to / from x. */
void get_states(ModelInstance *inst, const fmi3ValueReference *vrs, double x[]);
void set_states(ModelInstance *inst, const double x[]);

/* True when an event at eventTime counts as reached at time now (rounding slack). */
bool time_reached(double now, double eventTime, double scale);

/* Runs the model's event handling until no further iteration is needed; info gets the
   importer's view of the last iteration. */
fmi3Status event_iteration(ModelInstance *inst, bool timeEvent, EventInfo *info);

#endif
