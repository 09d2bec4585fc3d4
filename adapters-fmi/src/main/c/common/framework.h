/* Internals shared by the files of common/; models include model.h only. */
#ifndef FMU_GATEWAY_FRAMEWORK_H
#define FMU_GATEWAY_FRAMEWORK_H

#include "model.h"

#ifndef MODEL_GUID
#error "MODEL_GUID must be defined by the build (taken from modelDescription.xml)"
#endif

#define ANY_PHASE 0x7Fu
#define SETTABLE_PHASES (PHASE_INSTANTIATED | PHASE_INITIALIZATION | PHASE_EVENT | \
                         PHASE_CONTINUOUS_TIME | PHASE_STEP_COMPLETE)
#define READABLE_PHASES (PHASE_INITIALIZATION | PHASE_EVENT | PHASE_CONTINUOUS_TIME | \
                         PHASE_STEP_COMPLETE | PHASE_TERMINATED | PHASE_ERROR)

/* Logs before an instance exists (fmi2Instantiate) or for one. */
void log_raw(const fmi2CallbackFunctions *callbacks, fmi2String instanceName,
             fmi2Status status, const char *category, const char *format, ...);

void *mem_alloc(const fmi2CallbackFunctions *callbacks, size_t size);
void mem_free(const fmi2CallbackFunctions *callbacks, void *p);

ModelInstance *instance_new(fmi2String name, fmi2Type type, const fmi2CallbackFunctions *callbacks,
                            fmi2Boolean loggingOn);
void instance_free(ModelInstance *inst);
/* Back to the freshly instantiated state: start values, time 0, no events. */
fmi2Status instance_restart(ModelInstance *inst);

/* True when fn may be called in the current phase; otherwise logs why not. */
bool allowed(ModelInstance *inst, const char *fn, unsigned phases);
/* As allowed(), and the instance must have been created for the given interface type. */
bool allowed_for(ModelInstance *inst, const char *fn, fmi2Type type, unsigned phases);
const char *phase_name(Phase phase);

/* Recomputes outputs and derivatives if anything they depend on has changed. */
fmi2Status refresh(ModelInstance *inst);

bool store_string(ModelInstance *inst, fmi2ValueReference vr, const char *value);

/* True when an event at eventTime counts as reached at time now. scale is the step
   being taken, so that e.g. 0.1 added ten times still reaches an event at 1.0. */
bool time_reached(double now, double eventTime, double scale);

/* Runs the model's event handling until no further iteration is needed. */
fmi2Status event_iteration(ModelInstance *inst, bool timeEvent);

/* Generic co-simulation step: RK4 substeps, time events hit exactly, state events
   detected at substep resolution. */
fmi2Status generic_step(ModelInstance *inst, double tEnd, double stepSize);

#endif
