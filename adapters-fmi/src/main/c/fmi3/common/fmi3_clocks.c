/* FMI 3.0 clocks: fmi3GetClock/fmi3SetClock, intervals and shifts, and scheduled execution's
   fmi3ActivateModelPartition. */
#include "framework.h"

static const Variable *clock_variable(ModelInstance *inst, const char *fn, fmi3ValueReference vr) {
    if (vr >= MODEL.nVariables || MODEL.variables[vr].type != TYPE_CLOCK) {
        log_error(inst, "%s: no clock has value reference %u", fn, vr);
        return NULL;
    }
    return &MODEL.variables[vr];
}

static bool clocks(ModelInstance *inst, const char *fn, unsigned phases, const fmi3ValueReference vr[],
                   size_t nvr, const void *values) {
    if (!inst || !allowed(inst, fn, phases)) return false;
    if (nvr > 0 && (!vr || !values)) {
        log_error(inst, "%s: valueReferences or values is NULL", fn);
        return false;
    }
    for (size_t k = 0; k < nvr; k++) {
        if (!clock_variable(inst, fn, vr[k])) return false;
    }
    return true;
}

/* An output clock reads active once per tick: the read resets it, so that one tick is never
   reported twice. */
fmi3Status fmi3GetClock(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr, fmi3Clock values[]) {
    ModelInstance *inst = instance;

    if (!clocks(inst, "fmi3GetClock", PHASE_EVENT | PHASE_CLOCK_ACTIVATION, vr, nvr, values)) return fmi3Error;
    for (size_t k = 0; k < nvr; k++) {
        values[k] = V(inst, vr[k]).b;
        if (MODEL.variables[vr[k]].causality == CAUSALITY_OUTPUT) V(inst, vr[k]).b = false;
    }
    return fmi3OK;
}

fmi3Status fmi3SetClock(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                        const fmi3Clock values[]) {
    ModelInstance *inst = instance;

    if (!clocks(inst, "fmi3SetClock", PHASE_EVENT, vr, nvr, values)) return fmi3Error;
    for (size_t k = 0; k < nvr; k++) {
        if (MODEL.variables[vr[k]].causality != CAUSALITY_INPUT) {
            log_error(inst, "fmi3SetClock: %s is not an input clock", MODEL.variables[vr[k]].name);
            return fmi3Error;
        }
    }
    for (size_t k = 0; k < nvr; k++) V(inst, vr[k]).b = values[k];
    inst->dirty = true;
    return fmi3OK;
}

/* A countdown clock's interval is read once per scheduling: fmi3IntervalChanged, then
   fmi3IntervalUnchanged until the model schedules it again. */
fmi3Status fmi3GetIntervalDecimal(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                                  fmi3Float64 intervals[], fmi3IntervalQualifier qualifiers[]) {
    ModelInstance *inst = instance;

    if (!clocks(inst, "fmi3GetIntervalDecimal", READABLE_PHASES, vr, nvr, intervals)) return fmi3Error;
    if (nvr > 0 && !qualifiers) {
        log_error(inst, "fmi3GetIntervalDecimal: qualifiers is NULL");
        return fmi3Error;
    }
    for (size_t k = 0; k < nvr; k++) {
        const Variable *var = &MODEL.variables[vr[k]];
        if (var->causality != CAUSALITY_INPUT || var->clock == CLOCK_TRIGGERED) {
            log_error(inst, "fmi3GetIntervalDecimal: clock %s has no interval", var->name);
            return fmi3Error;
        }
    }
    for (size_t k = 0; k < nvr; k++) {
        Value *clock = &V(inst, vr[k]);
        intervals[k] = clock->f;
        qualifiers[k] = (fmi3IntervalQualifier)clock->i;
        if (clock->i == fmi3IntervalChanged) clock->i = fmi3IntervalUnchanged;
    }
    return fmi3OK;
}

fmi3Status fmi3GetShiftDecimal(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                               fmi3Float64 shifts[]) {
    ModelInstance *inst = instance;

    if (!clocks(inst, "fmi3GetShiftDecimal", READABLE_PHASES, vr, nvr, shifts)) return fmi3Error;
    for (size_t k = 0; k < nvr; k++) {
        if (MODEL.variables[vr[k]].causality != CAUSALITY_INPUT || MODEL.variables[vr[k]].clock != CLOCK_PERIODIC) {
            log_error(inst, "fmi3GetShiftDecimal: clock %s is not periodic", MODEL.variables[vr[k]].name);
            return fmi3Error;
        }
        shifts[k] = 0; /* every periodic clock here starts ticking at the start time */
    }
    return fmi3OK;
}

static fmi3Status no_fractions(fmi3Instance instance, const char *fn) {
    if (instance) log_error(instance, "%s is not supported: no clock has supportsFraction", fn);
    return fmi3Error;
}

fmi3Status fmi3GetIntervalFraction(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                                   fmi3UInt64 counters[], fmi3UInt64 resolutions[],
                                   fmi3IntervalQualifier qualifiers[]) {
    (void)vr;
    (void)nvr;
    (void)counters;
    (void)resolutions;
    (void)qualifiers;
    return no_fractions(instance, "fmi3GetIntervalFraction");
}

fmi3Status fmi3GetShiftFraction(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                                fmi3UInt64 counters[], fmi3UInt64 resolutions[]) {
    (void)vr;
    (void)nvr;
    (void)counters;
    (void)resolutions;
    return no_fractions(instance, "fmi3GetShiftFraction");
}

fmi3Status fmi3SetIntervalFraction(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                                   const fmi3UInt64 counters[], const fmi3UInt64 resolutions[]) {
    (void)vr;
    (void)nvr;
    (void)counters;
    (void)resolutions;
    return no_fractions(instance, "fmi3SetIntervalFraction");
}

fmi3Status fmi3SetShiftFraction(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                                const fmi3UInt64 counters[], const fmi3UInt64 resolutions[]) {
    (void)vr;
    (void)nvr;
    (void)counters;
    (void)resolutions;
    return no_fractions(instance, "fmi3SetShiftFraction");
}

static fmi3Status not_tunable(fmi3Instance instance, const char *fn) {
    if (instance) log_error(instance, "%s: no clock here has a tunable or changing interval or shift", fn);
    return fmi3Error;
}

fmi3Status fmi3SetIntervalDecimal(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                                  const fmi3Float64 intervals[]) {
    (void)vr;
    (void)nvr;
    (void)intervals;
    return not_tunable(instance, "fmi3SetIntervalDecimal");
}

fmi3Status fmi3SetShiftDecimal(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                               const fmi3Float64 shifts[]) {
    (void)vr;
    (void)nvr;
    (void)shifts;
    return not_tunable(instance, "fmi3SetShiftDecimal");
}

fmi3Status fmi3ActivateModelPartition(fmi3Instance instance, fmi3ValueReference clockReference,
                                      fmi3Float64 activationTime) {
    ModelInstance *inst = instance;
    const Variable *clock;
    fmi3Status status;

    if (!inst || !allowed_for(inst, "fmi3ActivateModelPartition", SE, PHASE_CLOCK_ACTIVATION)) return fmi3Error;
    if (!(clock = clock_variable(inst, "fmi3ActivateModelPartition", clockReference))) return fmi3Error;
    if (clock->causality != CAUSALITY_INPUT) {
        log_error(inst, "fmi3ActivateModelPartition: %s is not an input clock", clock->name);
        return fmi3Error;
    }
    if (!MODEL.activatePartition) {
        log_error(inst, "fmi3ActivateModelPartition: the model has no partitions");
        return fmi3Error;
    }
    inst->time = activationTime;
    inst->dirty = true;
    V(inst, clockReference).b = true;
    /* A countdown fires once per scheduling; its next interval is unknown until set again. */
    if (clock->clock == CLOCK_COUNTDOWN) V(inst, clockReference).i = fmi3IntervalNotYetKnown;
    status = MODEL.activatePartition(inst, clockReference, activationTime);
    V(inst, clockReference).b = false;
    if (status <= fmi3Warning) status = refresh(inst);
    return failed(inst, status);
}
