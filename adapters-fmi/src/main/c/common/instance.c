/* Instance lifecycle, memory, strings, logging and phase checks. */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "framework.h"

static void emit(const fmi2CallbackFunctions *callbacks, fmi2String instanceName,
                 fmi2Status status, const char *category, const char *format, va_list args) {
    char text[1024], message[2 * sizeof text];
    size_t n = 0;

    if (!callbacks || !callbacks->logger) return;
    vsnprintf(text, sizeof text, format, args);
    /* The logger treats message as a printf format, so literal '%' must be doubled. */
    for (const char *p = text; *p; p++) {
        if (*p == '%') message[n++] = '%';
        message[n++] = *p;
    }
    message[n] = '\0';
    callbacks->logger(callbacks->componentEnvironment, instanceName ? instanceName : "",
                      status, category, message);
}

void log_raw(const fmi2CallbackFunctions *callbacks, fmi2String instanceName,
             fmi2Status status, const char *category, const char *format, ...) {
    va_list args;
    va_start(args, format);
    emit(callbacks, instanceName, status, category, format, args);
    va_end(args);
}

/* Errors are always reported: an importer that switched logging off still needs to know why
   a call failed, and errors are rare enough not to cost anything. */
void log_error(ModelInstance *inst, const char *format, ...) {
    va_list args;
    va_start(args, format);
    emit(&inst->callbacks, inst->name, fmi2Error, "logError", format, args);
    va_end(args);
}

void log_event(ModelInstance *inst, const char *format, ...) {
    va_list args;
    if (!inst->loggingOn || !inst->logEvents) return;
    va_start(args, format);
    emit(&inst->callbacks, inst->name, fmi2OK, "logEvents", format, args);
    va_end(args);
}

/* FMI 2.0 asks FMUs to allocate through the importer; fall back for importers passing NULL. */
void *mem_alloc(const fmi2CallbackFunctions *callbacks, size_t size) {
    void *p = callbacks->allocateMemory ? callbacks->allocateMemory(1, size) : calloc(1, size);
    if (p) memset(p, 0, size);
    return p;
}

void mem_free(const fmi2CallbackFunctions *callbacks, void *p) {
    if (!p) return;
    if (callbacks->freeMemory) callbacks->freeMemory(p);
    else free(p);
}

bool store_string(ModelInstance *inst, fmi2ValueReference vr, const char *value) {
    size_t n = strlen(value);
    char *copy = mem_alloc(&inst->callbacks, n + 1);

    if (!copy) {
        log_error(inst, "out of memory storing string variable %s", MODEL.strings[vr].name);
        return false;
    }
    /* Copy before freeing: value may be the very string being replaced. */
    memcpy(copy, value, n + 1);
    mem_free(&inst->callbacks, inst->s[vr]);
    inst->s[vr] = copy;
    return true;
}

char *string_buffer(ModelInstance *inst, fmi2ValueReference vr, size_t len) {
    char *buffer = mem_alloc(&inst->callbacks, len + 1);

    if (!buffer) {
        log_error(inst, "out of memory computing string variable %s", MODEL.strings[vr].name);
        return NULL;
    }
    mem_free(&inst->callbacks, inst->s[vr]);
    inst->s[vr] = buffer;
    return buffer;
}

ModelInstance *instance_new(fmi2String name, fmi2Type type, const fmi2CallbackFunctions *callbacks,
                            fmi2Boolean loggingOn) {
    ModelInstance *inst = mem_alloc(callbacks, sizeof *inst);

    if (!inst) return NULL;
    inst->callbacks = *callbacks;
    inst->type = type;
    inst->loggingOn = loggingOn;
    inst->logEvents = true;
    inst->name = mem_alloc(callbacks, strlen(name) + 1);
    /* +1 everywhere: a model without variables of some type must not ask for 0 bytes. */
    inst->r = mem_alloc(callbacks, (MODEL.nReals + 1) * sizeof *inst->r);
    inst->i = mem_alloc(callbacks, (MODEL.nIntegers + 1) * sizeof *inst->i);
    inst->b = mem_alloc(callbacks, (MODEL.nBooleans + 1) * sizeof *inst->b);
    inst->s = mem_alloc(callbacks, (MODEL.nStrings + 1) * sizeof *inst->s);
    inst->model = mem_alloc(callbacks, MODEL.privateSize + 1);
    inst->work = mem_alloc(callbacks, (6 * MODEL.nStates + 2 * MODEL.nEventIndicators + 1) *
                                          sizeof *inst->work);
    if (!inst->name || !inst->r || !inst->i || !inst->b || !inst->s || !inst->model || !inst->work) {
        instance_free(inst);
        return NULL;
    }
    strcpy(inst->name, name);
    if (instance_restart(inst) != fmi2OK) {
        instance_free(inst);
        return NULL;
    }
    return inst;
}

void instance_free(ModelInstance *inst) {
    const fmi2CallbackFunctions callbacks = inst->callbacks;

    if (inst->s) {
        for (size_t k = 0; k < MODEL.nStrings; k++) mem_free(&callbacks, inst->s[k]);
    }
    mem_free(&callbacks, inst->s);
    mem_free(&callbacks, inst->b);
    mem_free(&callbacks, inst->i);
    mem_free(&callbacks, inst->r);
    mem_free(&callbacks, inst->model);
    mem_free(&callbacks, inst->work);
    mem_free(&callbacks, inst->name);
    mem_free(&callbacks, inst);
}

fmi2Status instance_restart(ModelInstance *inst) {
    inst->phase = PHASE_INSTANTIATED;
    inst->time = 0;
    inst->dirty = true;
    inst->nextEventTimeDefined = false;
    inst->nextEventTime = 0;
    memset(inst->model, 0, MODEL.privateSize + 1);
    for (size_t k = 0; k < MODEL.nReals; k++) inst->r[k] = MODEL.reals[k].start;
    for (size_t k = 0; k < MODEL.nIntegers; k++) inst->i[k] = (fmi2Integer)MODEL.integers[k].start;
    for (size_t k = 0; k < MODEL.nBooleans; k++) inst->b[k] = MODEL.booleans[k].start != 0;
    for (size_t k = 0; k < MODEL.nStrings; k++) {
        const char *text = MODEL.strings[k].text;
        if (!store_string(inst, (fmi2ValueReference)k, text ? text : "")) return fmi2Error;
    }
    return fmi2OK;
}

const char *phase_name(Phase phase) {
    switch (phase) {
    case PHASE_INSTANTIATED: return "the instantiated state";
    case PHASE_INITIALIZATION: return "initialization mode";
    case PHASE_EVENT: return "event mode";
    case PHASE_CONTINUOUS_TIME: return "continuous-time mode";
    case PHASE_STEP_COMPLETE: return "the step-complete state";
    case PHASE_TERMINATED: return "the terminated state";
    default: return "the error state";
    }
}

bool allowed(ModelInstance *inst, const char *fn, unsigned phases) {
    if (inst->phase & phases) return true;
    log_error(inst, "%s must not be called in %s", fn, phase_name(inst->phase));
    return false;
}

bool allowed_for(ModelInstance *inst, const char *fn, fmi2Type type, unsigned phases) {
    if (inst->type != type) {
        log_error(inst, "%s is a %s function but the instance was created for %s", fn,
                  type == fmi2ModelExchange ? "model exchange" : "co-simulation",
                  inst->type == fmi2ModelExchange ? "model exchange" : "co-simulation");
        return false;
    }
    return allowed(inst, fn, phases);
}

fmi2Status refresh(ModelInstance *inst) {
    fmi2Status status = fmi2OK;

    if (!inst->dirty) return fmi2OK;
    /* Parameters may still change during initialization, so calculated start values follow them. */
    if (inst->phase == PHASE_INITIALIZATION && MODEL.initialize) status = MODEL.initialize(inst);
    if (status <= fmi2Warning && MODEL.calculate) {
        fmi2Status calculated = MODEL.calculate(inst);
        if (calculated > status) status = calculated;
    }
    if (status <= fmi2Warning) inst->dirty = false;
    return status;
}

bool time_reached(double now, double eventTime, double scale) {
    return now >= eventTime - (1e-9 * fabs(scale) + 16 * DBL_EPSILON * fabs(eventTime));
}
