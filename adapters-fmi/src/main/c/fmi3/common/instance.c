/* Instance lifecycle, value storage, logging, phase checks and event iteration. */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework.h"

/* A model that keeps asking for another event iteration is broken; stop rather than hang. */
#define MAX_EVENT_ITERATIONS 100

/* FMI 3.0 messages are plain text (unlike FMI 2.0, no printf format), so no escaping. */
static void emit(fmi3LogMessageCallback logMessage, fmi3InstanceEnvironment environment,
                 fmi3Status status, const char *category, const char *format, va_list args) {
    char message[1024];

    if (!logMessage) return;
    vsnprintf(message, sizeof message, format, args);
    logMessage(environment, status, category, message);
}

void log_raw(fmi3LogMessageCallback logMessage, fmi3InstanceEnvironment environment,
             fmi3Status status, const char *category, const char *format, ...) {
    va_list args;
    va_start(args, format);
    emit(logMessage, environment, status, category, format, args);
    va_end(args);
}

/* Errors are always reported: an importer that switched logging off still needs to know why
   a call failed, and they are rare enough to cost nothing. */
void log_error(ModelInstance *inst, const char *format, ...) {
    va_list args;
    va_start(args, format);
    emit(inst->logMessage, inst->environment, fmi3Error, "logStatusError", format, args);
    va_end(args);
}

void log_event(ModelInstance *inst, const char *format, ...) {
    va_list args;
    if (!inst->loggingOn || !inst->logEvents) return;
    va_start(args, format);
    emit(inst->logMessage, inst->environment, fmi3OK, "logEvents", format, args);
    va_end(args);
}

size_t elements(fmi3ValueReference vr) {
    size_t size = MODEL.variables[vr].size;
    return size ? size : 1;
}

bool store_bytes(ModelInstance *inst, fmi3ValueReference vr, size_t k, const char *data, size_t size) {
    Value *value = &E(inst, vr, k);
    char *copy = malloc(size + 1);

    if (!copy) {
        log_error(inst, "out of memory storing variable %s", MODEL.variables[vr].name);
        return false;
    }
    /* Copy before freeing: data may be the very bytes being replaced. */
    if (size) memcpy(copy, data, size);
    copy[size] = '\0';
    free(value->bytes);
    value->bytes = copy;
    value->size = size;
    return true;
}

ModelInstance *instance_new(const char *name, Interface interface, bool loggingOn,
                            fmi3InstanceEnvironment environment, fmi3LogMessageCallback logMessage) {
    ModelInstance *inst = calloc(1, sizeof *inst);
    size_t nValues = 0, nIndicators = MODEL.nEventIndicators;

    if (!inst) return NULL;
    inst->interface = interface;
    inst->loggingOn = loggingOn;
    inst->logEvents = true;
    inst->environment = environment;
    inst->logMessage = logMessage;
    inst->at = calloc(MODEL.nVariables + 1, sizeof *inst->at);
    if (inst->at) {
        for (fmi3ValueReference vr = 0; vr < MODEL.nVariables; vr++) {
            inst->at[vr] = nValues;
            nValues += elements(vr);
        }
    }
    for (size_t k = 0; k < MODEL.nStateVariables; k++) inst->nStates += elements(MODEL.states[k]);
    inst->name = malloc(strlen(name) + 1);
    /* +1 everywhere: a model without variables or states must not ask for 0 bytes. */
    inst->values = calloc(nValues + 1, sizeof *inst->values);
    inst->model = calloc(1, MODEL.privateSize + 1);
    inst->work = calloc(6 * inst->nStates + 2 * nIndicators + 1, sizeof *inst->work);
    if (!inst->at || !inst->name || !inst->values || !inst->model || !inst->work) {
        instance_free(inst);
        return NULL;
    }
    strcpy(inst->name, name);
    if (instance_restart(inst) != fmi3OK) {
        instance_free(inst);
        return NULL;
    }
    return inst;
}

void instance_free(ModelInstance *inst) {
    if (inst->values && inst->at) {
        for (fmi3ValueReference vr = 0; vr < MODEL.nVariables; vr++) {
            for (size_t k = 0; k < elements(vr); k++) free(E(inst, vr, k).bytes);
        }
    }
    free(inst->values);
    free(inst->at);
    free(inst->model);
    free(inst->work);
    free(inst->name);
    free(inst);
}

static bool start_value(ModelInstance *inst, fmi3ValueReference vr, size_t k) {
    const Variable *var = &MODEL.variables[vr];
    Value *value = &E(inst, vr, k);

    value->f = var->starts ? var->starts[k] : var->start;
    value->i = var->startInt;
    value->u = var->startUInt;
    value->b = var->type == TYPE_CLOCK ? false : var->start != 0;
    if (var->type == TYPE_CLOCK) {
        /* A periodic clock's interval is known from the start; a countdown's only once the
           model schedules it. */
        value->f = var->clock == CLOCK_PERIODIC ? var->interval : 0;
        value->i = var->clock == CLOCK_PERIODIC ? fmi3IntervalUnchanged : fmi3IntervalNotYetKnown;
    }
    if (var->type == TYPE_STRING) {
        return store_bytes(inst, vr, k, var->text ? var->text : "", var->text ? strlen(var->text) : 0);
    }
    if (var->type == TYPE_BINARY) return store_bytes(inst, vr, k, var->text ? var->text : "", var->textSize);
    return true;
}

fmi3Status instance_restart(ModelInstance *inst) {
    inst->phase = PHASE_INSTANTIATED;
    inst->time = 0;
    inst->dirty = true;
    inst->nextEventTimeDefined = false;
    inst->nextEventTime = 0;
    memset(inst->model, 0, MODEL.privateSize + 1);
    for (fmi3ValueReference vr = 0; vr < MODEL.nVariables; vr++) {
        for (size_t k = 0; k < elements(vr); k++) {
            if (!start_value(inst, vr, k)) return fmi3Error;
        }
    }
    return fmi3OK;
}

const char *phase_name(Phase phase) {
    switch (phase) {
    case PHASE_INSTANTIATED: return "the instantiated state";
    case PHASE_INITIALIZATION: return "initialization mode";
    case PHASE_EVENT: return "event mode";
    case PHASE_CONTINUOUS_TIME: return "continuous-time mode";
    case PHASE_STEP: return "step mode";
    case PHASE_CLOCK_ACTIVATION: return "clock activation mode";
    case PHASE_TERMINATED: return "the terminated state";
    default: return "the error state";
    }
}

static const char *interface_name(Interface interface) {
    return interface == ME ? "model exchange" : interface == CS ? "co-simulation" : "scheduled execution";
}

bool allowed(ModelInstance *inst, const char *fn, unsigned phases) {
    if (inst->phase & phases) return true;
    log_error(inst, "%s must not be called in %s", fn, phase_name(inst->phase));
    return false;
}

bool allowed_for(ModelInstance *inst, const char *fn, Interface interface, unsigned phases) {
    if (inst->interface != interface) {
        log_error(inst, "%s is a %s function but the instance was created for %s", fn,
                  interface_name(interface), interface_name(inst->interface));
        return false;
    }
    return allowed(inst, fn, phases);
}

fmi3Status failed(ModelInstance *inst, fmi3Status status) {
    if (status > fmi3Discard) inst->phase = PHASE_ERROR;
    return status;
}

fmi3Status refresh(ModelInstance *inst) {
    fmi3Status status = fmi3OK;

    if (!inst->dirty) return fmi3OK;
    /* Parameters may still change during initialization, so calculated values follow them. */
    if (inst->phase == PHASE_INITIALIZATION && MODEL.initialize) status = MODEL.initialize(inst);
    if (status <= fmi3Warning && MODEL.calculate) {
        fmi3Status calculated = MODEL.calculate(inst);
        if (calculated > status) status = calculated;
    }
    if (status <= fmi3Warning) inst->dirty = false;
    return status;
}

void get_states(ModelInstance *inst, const fmi3ValueReference *vrs, double x[]) {
    size_t n = 0;
    for (size_t j = 0; j < MODEL.nStateVariables; j++) {
        for (size_t k = 0; k < elements(vrs[j]); k++) x[n++] = E(inst, vrs[j], k).f;
    }
}

void set_states(ModelInstance *inst, const double x[]) {
    size_t n = 0;
    for (size_t j = 0; j < MODEL.nStateVariables; j++) {
        for (size_t k = 0; k < elements(MODEL.states[j]); k++) E(inst, MODEL.states[j], k).f = x[n++];
    }
    inst->dirty = true;
}

bool time_reached(double now, double eventTime, double scale) {
    return now >= eventTime - (1e-9 * fabs(scale) + 16 * DBL_EPSILON * fabs(eventTime));
}

fmi3Status event_iteration(ModelInstance *inst, bool timeEvent, EventInfo *info) {
    EventInfo last = {0};

    if (!MODEL.eventUpdate) {
        if (info) *info = last;
        return fmi3OK;
    }
    for (int n = 0; n < MAX_EVENT_ITERATIONS; n++) {
        EventInfo step = {0};
        fmi3Status status = refresh(inst);

        if (status > fmi3Warning) return status;
        MODEL.eventUpdate(inst, timeEvent && n == 0, &step);
        last.valuesOfContinuousStatesChanged |= step.valuesOfContinuousStatesChanged;
        last.terminateSimulation |= step.terminateSimulation;
        last.nextEventTimeDefined = step.nextEventTimeDefined;
        last.nextEventTime = step.nextEventTime;
        inst->nextEventTimeDefined = step.nextEventTimeDefined;
        inst->nextEventTime = step.nextEventTime;
        inst->dirty = true;
        if (!step.discreteStatesNeedUpdate) {
            if (info) *info = last;
            return refresh(inst);
        }
    }
    log_error(inst, "event iteration at t=%g did not converge", inst->time);
    return fmi3Error;
}

void clock_tick(ModelInstance *inst, fmi3ValueReference vr) {
    V(inst, vr).b = true;
    if (inst->clockUpdate) inst->clockUpdate(inst->environment);
}

void countdown_schedule(ModelInstance *inst, fmi3ValueReference vr, double interval) {
    V(inst, vr).f = interval;
    V(inst, vr).i = fmi3IntervalChanged;
    if (inst->clockUpdate) inst->clockUpdate(inst->environment);
}
