/* fmi3Get/fmi3Set for all thirteen value types, arrays included, with the FMI 3.0 rules on who
   may set what when. Clocks are in fmi3_clocks.c. */
#include <string.h>

#include "framework.h"

static const char *const TYPE_NAME[] = {"Float32", "Float64", "Int8", "UInt8", "Int16", "UInt16",
                                        "Int32", "UInt32", "Int64", "UInt64", "Boolean", "String",
                                        "Binary", "Clock"};

/* Before and during initialization anything with an exact start value; afterwards inputs and
   tunable parameters, and in continuous-time mode only continuous inputs. States change through
   fmi3SetContinuousStates once initialized. */
static bool settable(const ModelInstance *inst, const Variable *var) {
    bool input = var->causality == CAUSALITY_INPUT;

    if (var->causality == CAUSALITY_INDEPENDENT || var->variability == VARIABILITY_CONSTANT) return false;
    switch (inst->phase) {
    case PHASE_INSTANTIATED:
    case PHASE_INITIALIZATION:
        return input || var->initial == INITIAL_EXACT;
    case PHASE_EVENT:
    case PHASE_STEP:
    case PHASE_CLOCK_ACTIVATION:
        return input || (var->causality == CAUSALITY_PARAMETER && var->variability == VARIABILITY_TUNABLE);
    case PHASE_CONTINUOUS_TIME:
        return input && var->variability == VARIABILITY_CONTINUOUS;
    default:
        return false;
    }
}

static bool valid(ModelInstance *inst, const char *fn, bool set, Type type, const fmi3ValueReference vr[],
                  size_t nvr, const void *values, size_t nValues) {
    size_t total = 0;

    if (!allowed(inst, fn, set ? SETTABLE_PHASES : READABLE_PHASES)) return false;
    if (nvr > 0 && (!vr || !values)) {
        log_error(inst, "%s: valueReferences or values is NULL", fn);
        return false;
    }
    for (size_t k = 0; k < nvr; k++) {
        const Variable *var = vr[k] < MODEL.nVariables ? &MODEL.variables[vr[k]] : NULL;

        if (!var || var->type != type) {
            log_error(inst, "%s: no %s variable has value reference %u", fn, TYPE_NAME[type], vr[k]);
            return false;
        }
        if (set && !settable(inst, var)) {
            log_error(inst, "%s: variable %s cannot be set in %s", fn, var->name, phase_name(inst->phase));
            return false;
        }
        total += elements(vr[k]);
    }
    if (total != nValues) {
        log_error(inst, "%s: the variables have %zu values in all, but nValues is %zu", fn, total, nValues);
        return false;
    }
    return true;
}

/* The independent variable is time itself; copied in on every read so it is never stale. */
static void sync_time(ModelInstance *inst, const fmi3ValueReference vr[], size_t nvr) {
    for (size_t j = 0; j < nvr; j++) {
        if (MODEL.variables[vr[j]].causality == CAUSALITY_INDEPENDENT) V(inst, vr[j]).f = inst->time;
    }
}

#define GETTER(NAME, TYPE, CTYPE, FIELD)                                                              \
    fmi3Status fmi3Get##NAME(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,         \
                             CTYPE values[], size_t nValues) {                                         \
        ModelInstance *inst = instance;                                                                \
        fmi3Status status;                                                                             \
        size_t n = 0;                                                                                  \
                                                                                                       \
        if (!inst || !valid(inst, "fmi3Get" #NAME, false, TYPE, vr, nvr, values, nValues))             \
            return fmi3Error;                                                                          \
        if ((status = refresh(inst)) > fmi3Warning) return failed(inst, status);                       \
        if (MODEL.read) {                                                                              \
            fmi3Status read = MODEL.read(inst);                                                        \
            if (read > fmi3Warning) return failed(inst, read);                                         \
            if (read > status) status = read;                                                          \
        }                                                                                              \
        sync_time(inst, vr, nvr);                                                                      \
        for (size_t j = 0; j < nvr; j++) {                                                             \
            for (size_t k = 0; k < elements(vr[j]); k++) values[n++] = (CTYPE)E(inst, vr[j], k).FIELD; \
        }                                                                                              \
        return status;                                                                                 \
    }

/* Narrow integers arrive in their own C type, so storing them widened is exact; Booleans are
   normalised so that the models only ever see 0 and 1. */
#define SETTER(NAME, TYPE, CTYPE, FIELD, CONVERT)                                                   \
    fmi3Status fmi3Set##NAME(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,       \
                             const CTYPE values[], size_t nValues) {                                 \
        ModelInstance *inst = instance;                                                              \
        size_t n = 0;                                                                                \
                                                                                                     \
        if (!inst || !valid(inst, "fmi3Set" #NAME, true, TYPE, vr, nvr, values, nValues))            \
            return fmi3Error;                                                                        \
        for (size_t j = 0; j < nvr; j++) {                                                           \
            for (size_t k = 0; k < elements(vr[j]); k++) E(inst, vr[j], k).FIELD = CONVERT(values[n++]); \
        }                                                                                            \
        inst->dirty = true;                                                                          \
        return fmi3OK;                                                                               \
    }

#define AS_IS(x) (x)
#define AS_BOOL(x) ((x) ? true : false)

GETTER(Float32, TYPE_FLOAT32, fmi3Float32, f)
GETTER(Float64, TYPE_FLOAT64, fmi3Float64, f)
GETTER(Int8, TYPE_INT8, fmi3Int8, i)
GETTER(UInt8, TYPE_UINT8, fmi3UInt8, u)
GETTER(Int16, TYPE_INT16, fmi3Int16, i)
GETTER(UInt16, TYPE_UINT16, fmi3UInt16, u)
GETTER(Int32, TYPE_INT32, fmi3Int32, i)
GETTER(UInt32, TYPE_UINT32, fmi3UInt32, u)
GETTER(Int64, TYPE_INT64, fmi3Int64, i)
GETTER(UInt64, TYPE_UINT64, fmi3UInt64, u)
GETTER(Boolean, TYPE_BOOLEAN, fmi3Boolean, b)

SETTER(Float32, TYPE_FLOAT32, fmi3Float32, f, AS_IS)
SETTER(Float64, TYPE_FLOAT64, fmi3Float64, f, AS_IS)
SETTER(Int8, TYPE_INT8, fmi3Int8, i, AS_IS)
SETTER(UInt8, TYPE_UINT8, fmi3UInt8, u, AS_IS)
SETTER(Int16, TYPE_INT16, fmi3Int16, i, AS_IS)
SETTER(UInt16, TYPE_UINT16, fmi3UInt16, u, AS_IS)
SETTER(Int32, TYPE_INT32, fmi3Int32, i, AS_IS)
SETTER(UInt32, TYPE_UINT32, fmi3UInt32, u, AS_IS)
SETTER(Int64, TYPE_INT64, fmi3Int64, i, AS_IS)
SETTER(UInt64, TYPE_UINT64, fmi3UInt64, u, AS_IS)
SETTER(Boolean, TYPE_BOOLEAN, fmi3Boolean, b, AS_BOOL)

/* The pointers handed out stay valid until the variable is set again or the instance freed. */
fmi3Status fmi3GetString(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                         fmi3String values[], size_t nValues) {
    ModelInstance *inst = instance;
    fmi3Status status;
    size_t n = 0;

    if (!inst || !valid(inst, "fmi3GetString", false, TYPE_STRING, vr, nvr, values, nValues)) return fmi3Error;
    if ((status = refresh(inst)) > fmi3Warning) return failed(inst, status);
    for (size_t j = 0; j < nvr; j++) {
        for (size_t k = 0; k < elements(vr[j]); k++) values[n++] = E(inst, vr[j], k).bytes;
    }
    return status;
}

fmi3Status fmi3GetBinary(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                         size_t valueSizes[], fmi3Binary values[], size_t nValues) {
    ModelInstance *inst = instance;
    fmi3Status status;
    size_t n = 0;

    if (!inst || !valid(inst, "fmi3GetBinary", false, TYPE_BINARY, vr, nvr, values, nValues)) return fmi3Error;
    if (nvr > 0 && !valueSizes) {
        log_error(inst, "fmi3GetBinary: valueSizes is NULL");
        return fmi3Error;
    }
    if ((status = refresh(inst)) > fmi3Warning) return failed(inst, status);
    for (size_t j = 0; j < nvr; j++) {
        for (size_t k = 0; k < elements(vr[j]); k++, n++) {
            values[n] = (fmi3Binary)E(inst, vr[j], k).bytes;
            valueSizes[n] = E(inst, vr[j], k).size;
        }
    }
    return status;
}

fmi3Status fmi3SetString(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                         const fmi3String values[], size_t nValues) {
    ModelInstance *inst = instance;
    size_t n = 0;

    if (!inst || !valid(inst, "fmi3SetString", true, TYPE_STRING, vr, nvr, values, nValues)) return fmi3Error;
    for (size_t k = 0; k < nValues; k++) {
        if (!values[k]) {
            log_error(inst, "fmi3SetString: values[%zu] is NULL", k);
            return fmi3Error;
        }
    }
    inst->dirty = true;
    for (size_t j = 0; j < nvr; j++) {
        for (size_t k = 0; k < elements(vr[j]); k++, n++) {
            if (!store_bytes(inst, vr[j], k, values[n], strlen(values[n]))) return fmi3Error;
        }
    }
    return fmi3OK;
}

fmi3Status fmi3SetBinary(fmi3Instance instance, const fmi3ValueReference vr[], size_t nvr,
                         const size_t valueSizes[], const fmi3Binary values[], size_t nValues) {
    ModelInstance *inst = instance;
    size_t n = 0;

    if (!inst || !valid(inst, "fmi3SetBinary", true, TYPE_BINARY, vr, nvr, values, nValues)) return fmi3Error;
    if (nvr > 0 && !valueSizes) {
        log_error(inst, "fmi3SetBinary: valueSizes is NULL");
        return fmi3Error;
    }
    for (size_t k = 0; k < nValues; k++) {
        if (!values[k] && valueSizes[k] > 0) {
            log_error(inst, "fmi3SetBinary: values[%zu] is NULL but its size is %zu", k, valueSizes[k]);
            return fmi3Error;
        }
    }
    inst->dirty = true;
    for (size_t j = 0; j < nvr; j++) {
        for (size_t k = 0; k < elements(vr[j]); k++, n++) {
            if (!store_bytes(inst, vr[j], k, (const char *)values[n], valueSizes[n])) return fmi3Error;
        }
    }
    return fmi3OK;
}
