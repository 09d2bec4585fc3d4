/* fmi2Get/fmi2Set for the four variable types, with the FMI 2.0 rules on who may set what when. */
#include "framework.h"

typedef enum { REAL, INTEGER, BOOLEAN, STRING } Kind;

static const char *const KIND_NAME[] = {"Real", "Integer", "Boolean", "String"};

static const Variable *table(Kind kind, size_t *count) {
    switch (kind) {
    case REAL: *count = MODEL.nReals; return MODEL.reals;
    case INTEGER: *count = MODEL.nIntegers; return MODEL.integers;
    case BOOLEAN: *count = MODEL.nBooleans; return MODEL.booleans;
    default: *count = MODEL.nStrings; return MODEL.strings;
    }
}

/* FMI 2.0 section 3.2.3 / 4.2.4: before and during initialization anything with an exact
   start value; afterwards only inputs and tunable parameters, and in continuous-time mode
   only continuous inputs. States change through fmi2SetContinuousStates, never here. */
static bool settable(const ModelInstance *inst, const Variable *var) {
    bool input = var->causality == CAUSALITY_INPUT;

    switch (inst->phase) {
    case PHASE_INSTANTIATED:
    case PHASE_INITIALIZATION:
        return input || var->initial == INITIAL_EXACT;
    case PHASE_EVENT:
    case PHASE_STEP_COMPLETE:
        return input || (var->causality == CAUSALITY_PARAMETER && var->variability == VARIABILITY_TUNABLE);
    case PHASE_CONTINUOUS_TIME:
        return input && var->variability == VARIABILITY_CONTINUOUS;
    default:
        return false;
    }
}

static bool valid(ModelInstance *inst, const char *fn, bool set, Kind kind, const fmi2ValueReference vr[],
                  size_t nvr, const void *values) {
    size_t count;
    const Variable *vars = table(kind, &count);

    if (!allowed(inst, fn, set ? SETTABLE_PHASES : READABLE_PHASES)) return false;
    if (nvr > 0 && (!vr || !values)) {
        log_error(inst, "%s: vr or value is NULL", fn);
        return false;
    }
    for (size_t k = 0; k < nvr; k++) {
        if (vr[k] >= count) {
            log_error(inst, "%s: no %s variable has value reference %u", fn, KIND_NAME[kind], vr[k]);
            return false;
        }
        if (set && !settable(inst, &vars[vr[k]])) {
            log_error(inst, "%s: variable %s cannot be set in %s", fn, vars[vr[k]].name,
                      phase_name(inst->phase));
            return false;
        }
        if (set && kind == STRING && !((const fmi2String *)values)[k]) {
            log_error(inst, "%s: NULL value for variable %s", fn, vars[vr[k]].name);
            return false;
        }
    }
    return true;
}

fmi2Status fmi2GetReal(fmi2Component c, const fmi2ValueReference vr[], size_t nvr, fmi2Real value[]) {
    ModelInstance *inst = c;
    fmi2Status status;

    if (!inst || !valid(inst, "fmi2GetReal", false, REAL, vr, nvr, value)) return fmi2Error;
    if ((status = refresh(inst)) > fmi2Warning) return status;
    for (size_t k = 0; k < nvr; k++) value[k] = inst->r[vr[k]];
    return status;
}

fmi2Status fmi2GetInteger(fmi2Component c, const fmi2ValueReference vr[], size_t nvr, fmi2Integer value[]) {
    ModelInstance *inst = c;
    fmi2Status status;

    if (!inst || !valid(inst, "fmi2GetInteger", false, INTEGER, vr, nvr, value)) return fmi2Error;
    if ((status = refresh(inst)) > fmi2Warning) return status;
    for (size_t k = 0; k < nvr; k++) value[k] = inst->i[vr[k]];
    return status;
}

fmi2Status fmi2GetBoolean(fmi2Component c, const fmi2ValueReference vr[], size_t nvr, fmi2Boolean value[]) {
    ModelInstance *inst = c;
    fmi2Status status;

    if (!inst || !valid(inst, "fmi2GetBoolean", false, BOOLEAN, vr, nvr, value)) return fmi2Error;
    if ((status = refresh(inst)) > fmi2Warning) return status;
    for (size_t k = 0; k < nvr; k++) value[k] = inst->b[vr[k]];
    return status;
}

fmi2Status fmi2GetString(fmi2Component c, const fmi2ValueReference vr[], size_t nvr, fmi2String value[]) {
    ModelInstance *inst = c;
    fmi2Status status;

    if (!inst || !valid(inst, "fmi2GetString", false, STRING, vr, nvr, value)) return fmi2Error;
    if ((status = refresh(inst)) > fmi2Warning) return status;
    for (size_t k = 0; k < nvr; k++) value[k] = inst->s[vr[k]];
    return status;
}

fmi2Status fmi2SetReal(fmi2Component c, const fmi2ValueReference vr[], size_t nvr, const fmi2Real value[]) {
    ModelInstance *inst = c;

    if (!inst || !valid(inst, "fmi2SetReal", true, REAL, vr, nvr, value)) return fmi2Error;
    for (size_t k = 0; k < nvr; k++) inst->r[vr[k]] = value[k];
    inst->dirty = true;
    return fmi2OK;
}

fmi2Status fmi2SetInteger(fmi2Component c, const fmi2ValueReference vr[], size_t nvr,
                          const fmi2Integer value[]) {
    ModelInstance *inst = c;

    if (!inst || !valid(inst, "fmi2SetInteger", true, INTEGER, vr, nvr, value)) return fmi2Error;
    for (size_t k = 0; k < nvr; k++) inst->i[vr[k]] = value[k];
    inst->dirty = true;
    return fmi2OK;
}

fmi2Status fmi2SetBoolean(fmi2Component c, const fmi2ValueReference vr[], size_t nvr,
                          const fmi2Boolean value[]) {
    ModelInstance *inst = c;

    if (!inst || !valid(inst, "fmi2SetBoolean", true, BOOLEAN, vr, nvr, value)) return fmi2Error;
    /* Normalised so that XOR and equality in the models see only 0 and 1. */
    for (size_t k = 0; k < nvr; k++) inst->b[vr[k]] = value[k] ? fmi2True : fmi2False;
    inst->dirty = true;
    return fmi2OK;
}

fmi2Status fmi2SetString(fmi2Component c, const fmi2ValueReference vr[], size_t nvr,
                         const fmi2String value[]) {
    ModelInstance *inst = c;

    if (!inst || !valid(inst, "fmi2SetString", true, STRING, vr, nvr, value)) return fmi2Error;
    inst->dirty = true;
    for (size_t k = 0; k < nvr; k++) {
        if (!store_string(inst, vr[k], value[k])) return fmi2Error;
    }
    return fmi2OK;
}
