/* One input, parameter and output of every FMI type, to exercise an importer's type handling. */
#include <limits.h>
#include <string.h>

#include "model.h"

enum { VR_REAL_IN, VR_REAL_PARAM, VR_REAL_OUT, N_REALS };
enum { VR_INT_IN, VR_INT_PARAM, VR_INT_OUT, N_INTEGERS };
enum { VR_BOOL_IN, VR_BOOL_PARAM, VR_BOOL_OUT, N_BOOLEANS };
enum { VR_STRING_IN, VR_STRING_PARAM, VR_STRING_OUT, N_STRINGS };

static const Variable REALS[N_REALS] = {
    [VR_REAL_IN] = {"real_in", CAUSALITY_INPUT, VARIABILITY_CONTINUOUS, INITIAL_NONE, 0.0, NULL},
    [VR_REAL_PARAM] = {"real_param", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 2.0, NULL},
    [VR_REAL_OUT] = {"real_out", CAUSALITY_OUTPUT, VARIABILITY_CONTINUOUS, INITIAL_CALCULATED, 0, NULL},
};

static const Variable INTEGERS[N_INTEGERS] = {
    [VR_INT_IN] = {"int_in", CAUSALITY_INPUT, VARIABILITY_DISCRETE, INITIAL_NONE, 0, NULL},
    [VR_INT_PARAM] = {"int_param", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 3, NULL},
    [VR_INT_OUT] = {"int_out", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_CALCULATED, 0, NULL},
};

static const Variable BOOLEANS[N_BOOLEANS] = {
    [VR_BOOL_IN] = {"bool_in", CAUSALITY_INPUT, VARIABILITY_DISCRETE, INITIAL_NONE, 0, NULL},
    [VR_BOOL_PARAM] = {"bool_param", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 1, NULL},
    [VR_BOOL_OUT] = {"bool_out", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_CALCULATED, 0, NULL},
};

static const Variable STRINGS[N_STRINGS] = {
    [VR_STRING_IN] = {"string_in", CAUSALITY_INPUT, VARIABILITY_DISCRETE, INITIAL_NONE, 0, ""},
    [VR_STRING_PARAM] = {"string_param", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0, "hello"},
    [VR_STRING_OUT] = {"string_out", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_CALCULATED, 0, NULL},
};

static fmi2Status calculate(ModelInstance *inst) {
    long long sum = (long long)inst->i[VR_INT_IN] + inst->i[VR_INT_PARAM];
    const char *param = inst->s[VR_STRING_PARAM], *in = inst->s[VR_STRING_IN];
    size_t lengthParam = strlen(param), lengthIn = strlen(in);
    char *out;

    inst->r[VR_REAL_OUT] = inst->r[VR_REAL_IN] * inst->r[VR_REAL_PARAM];
    /* Wrapping silently would hand the importer a wrong answer; say so instead. */
    if (sum < INT_MIN || sum > INT_MAX) {
        log_error(inst, "int_in + int_param = %lld does not fit an fmi2Integer", sum);
        return fmi2Error;
    }
    inst->i[VR_INT_OUT] = (fmi2Integer)sum;
    inst->b[VR_BOOL_OUT] = inst->b[VR_BOOL_IN] != inst->b[VR_BOOL_PARAM];
    out = string_buffer(inst, VR_STRING_OUT, lengthParam + 1 + lengthIn);
    if (!out) return fmi2Error;
    memcpy(out, param, lengthParam);
    out[lengthParam] = ' ';
    memcpy(out + lengthParam + 1, in, lengthIn + 1);
    return fmi2OK;
}

const Model MODEL = {
    .reals = REALS,
    .integers = INTEGERS,
    .booleans = BOOLEANS,
    .strings = STRINGS,
    .nReals = N_REALS,
    .nIntegers = N_INTEGERS,
    .nBooleans = N_BOOLEANS,
    .nStrings = N_STRINGS,
    .calculate = calculate,
};
