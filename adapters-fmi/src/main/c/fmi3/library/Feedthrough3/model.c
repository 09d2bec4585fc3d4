/* Every FMI 3.0 value type, once as an input and once as an output that copies it: the
   importer's round trip through its own binding is the thing under test. */
#include <stdint.h>

#include "model.h"

enum {
    VR_TIME,
    VR_FLOAT32_IN, VR_FLOAT32_OUT, VR_FLOAT64_IN, VR_FLOAT64_OUT,
    VR_INT8_IN, VR_INT8_OUT, VR_UINT8_IN, VR_UINT8_OUT,
    VR_INT16_IN, VR_INT16_OUT, VR_UINT16_IN, VR_UINT16_OUT,
    VR_INT32_IN, VR_INT32_OUT, VR_UINT32_IN, VR_UINT32_OUT,
    VR_INT64_IN, VR_INT64_OUT, VR_UINT64_IN, VR_UINT64_OUT,
    VR_BOOLEAN_IN, VR_BOOLEAN_OUT, VR_STRING_IN, VR_STRING_OUT, VR_BINARY_IN, VR_BINARY_OUT,
    N_VARIABLES
};

#define IN(NAME, TYPE, VARIABILITY, ...) \
    {.name = NAME, .type = TYPE, .causality = CAUSALITY_INPUT, .variability = VARIABILITY, __VA_ARGS__}
#define OUT(NAME, TYPE, VARIABILITY)                                                  \
    {.name = NAME, .type = TYPE, .causality = CAUSALITY_OUTPUT, .variability = VARIABILITY, \
     .initial = INITIAL_CALCULATED}

/* Binary start with a NUL and both high-bit values, so that a length lost to strlen() or a
   sign-extended byte shows. */
static const char BINARY_START[] = {0x00, (char)0xFF, 0x7F, (char)0x80};

static const Variable VARIABLES[N_VARIABLES] = {
    [VR_TIME] = {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
                 .variability = VARIABILITY_CONTINUOUS},
    [VR_FLOAT32_IN] = IN("Float32_input", TYPE_FLOAT32, VARIABILITY_CONTINUOUS, .start = 0.5),
    [VR_FLOAT32_OUT] = OUT("Float32_output", TYPE_FLOAT32, VARIABILITY_CONTINUOUS),
    [VR_FLOAT64_IN] = IN("Float64_input", TYPE_FLOAT64, VARIABILITY_CONTINUOUS, .start = 0.1),
    [VR_FLOAT64_OUT] = OUT("Float64_output", TYPE_FLOAT64, VARIABILITY_CONTINUOUS),
    [VR_INT8_IN] = IN("Int8_input", TYPE_INT8, VARIABILITY_DISCRETE, .startInt = INT8_MIN),
    [VR_INT8_OUT] = OUT("Int8_output", TYPE_INT8, VARIABILITY_DISCRETE),
    [VR_UINT8_IN] = IN("UInt8_input", TYPE_UINT8, VARIABILITY_DISCRETE, .startUInt = UINT8_MAX),
    [VR_UINT8_OUT] = OUT("UInt8_output", TYPE_UINT8, VARIABILITY_DISCRETE),
    [VR_INT16_IN] = IN("Int16_input", TYPE_INT16, VARIABILITY_DISCRETE, .startInt = INT16_MIN),
    [VR_INT16_OUT] = OUT("Int16_output", TYPE_INT16, VARIABILITY_DISCRETE),
    [VR_UINT16_IN] = IN("UInt16_input", TYPE_UINT16, VARIABILITY_DISCRETE, .startUInt = UINT16_MAX),
    [VR_UINT16_OUT] = OUT("UInt16_output", TYPE_UINT16, VARIABILITY_DISCRETE),
    [VR_INT32_IN] = IN("Int32_input", TYPE_INT32, VARIABILITY_DISCRETE, .startInt = INT32_MIN),
    [VR_INT32_OUT] = OUT("Int32_output", TYPE_INT32, VARIABILITY_DISCRETE),
    [VR_UINT32_IN] = IN("UInt32_input", TYPE_UINT32, VARIABILITY_DISCRETE, .startUInt = UINT32_MAX),
    [VR_UINT32_OUT] = OUT("UInt32_output", TYPE_UINT32, VARIABILITY_DISCRETE),
    /* 2^53 + 1: the first integer a double cannot hold, so a detour through double shows. */
    [VR_INT64_IN] = IN("Int64_input", TYPE_INT64, VARIABILITY_DISCRETE, .startInt = INT64_C(9007199254740993)),
    [VR_INT64_OUT] = OUT("Int64_output", TYPE_INT64, VARIABILITY_DISCRETE),
    [VR_UINT64_IN] = IN("UInt64_input", TYPE_UINT64, VARIABILITY_DISCRETE, .startUInt = UINT64_MAX),
    [VR_UINT64_OUT] = OUT("UInt64_output", TYPE_UINT64, VARIABILITY_DISCRETE),
    [VR_BOOLEAN_IN] = IN("Boolean_input", TYPE_BOOLEAN, VARIABILITY_DISCRETE, .start = 1),
    [VR_BOOLEAN_OUT] = OUT("Boolean_output", TYPE_BOOLEAN, VARIABILITY_DISCRETE),
    [VR_STRING_IN] = IN("String_input", TYPE_STRING, VARIABILITY_DISCRETE, .text = "Gr\xc3\xbc\xc3\x9f" "e"),
    [VR_STRING_OUT] = OUT("String_output", TYPE_STRING, VARIABILITY_DISCRETE),
    [VR_BINARY_IN] = IN("Binary_input", TYPE_BINARY, VARIABILITY_DISCRETE, .text = BINARY_START,
                        .textSize = sizeof BINARY_START),
    [VR_BINARY_OUT] = OUT("Binary_output", TYPE_BINARY, VARIABILITY_DISCRETE),
};

static fmi3Status calculate(ModelInstance *inst) {
    for (fmi3ValueReference in = VR_FLOAT32_IN; in < N_VARIABLES; in += 2) {
        const Value *from = &V(inst, in);
        Value *to = &V(inst, in + 1);

        if (VARIABLES[in].type == TYPE_STRING || VARIABLES[in].type == TYPE_BINARY) {
            if (!store_bytes(inst, in + 1, 0, from->bytes, from->size)) return fmi3Error;
        } else {
            to->f = from->f;
            to->i = from->i;
            to->u = from->u;
            to->b = from->b;
        }
    }
    return fmi3OK;
}

const Model MODEL = {
    .variables = VARIABLES,
    .nVariables = N_VARIABLES,
    .modelExchange = true,
    .coSimulation = true,
    .calculate = calculate,
};
