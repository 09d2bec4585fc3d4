/*
 * JNI entry points into fmugw_fmi2.c for calls made once per derivative evaluation or step of
 * model exchange (Fmi2Jni), where JNA's generic dispatch cost ten times the FMU's own work. Built
 * into the same library when the JDK's jni.h is at hand; without it Java uses FMI4j's calls.
 * The arrays are copied in and out rather than pinned: the FMU may print to stdout, which calls
 * back into Java (NativeStdout), and nothing may do that while an array is pinned.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>

#include "fmi2Functions.h"

int fmugw_fmi2_me_place(fmi2SetTimeTYPE *set_time, fmi2SetContinuousStatesTYPE *set_states,
                        fmi2Component component, double t, const double *x, int n);
int fmugw_fmi2_me_derivatives(fmi2SetTimeTYPE *set_time, fmi2SetContinuousStatesTYPE *set_states,
                              fmi2GetDerivativesTYPE *get_derivatives, fmi2Component component,
                              int place, double t, const double *x, double *dx, int n);
int fmugw_fmi2_me_indicators(fmi2SetTimeTYPE *set_time, fmi2SetContinuousStatesTYPE *set_states,
                             fmi2GetEventIndicatorsTYPE *get_indicators, fmi2Component component,
                             int place, double t, const double *x, int n, double *z, int nz);
int fmugw_fmi2_me_reals(fmi2SetTimeTYPE *set_time, fmi2SetContinuousStatesTYPE *set_states,
                        fmi2GetRealTYPE *get_real, fmi2Component component, int place, double t,
                        const double *x, int n, const fmi2ValueReference *vr, int nvr,
                        double *values);
int fmugw_fmi2_me_jacobian(fmi2GetDirectionalDerivativeTYPE *get_directional_derivative,
                           fmi2Component component, const fmi2ValueReference *unknowns,
                           const fmi2ValueReference *knowns, int n, double *seed, double *column,
                           double *jacobian);
int fmugw_fmi2_completed_integrator_step(fmi2CompletedIntegratorStepTYPE *completed,
                                         fmi2Component component);

/* States kept on the stack; more are allocated. */
#define STACK_STATES 64

JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_engine_Fmi2Jni_version(JNIEnv *env,
                                                                                 jclass type) {
    (void)env;
    (void)type;
    return 2;
}

/* As fmugw_fmi2_me_place, on a Java array; -1 when out of memory. */
JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_engine_Fmi2Jni_place(
    JNIEnv *env, jclass type, jlong set_time, jlong set_states, jlong component, jdouble t,
    jdoubleArray x, jint n) {
    (void)type;
    double on_stack[STACK_STATES];
    double *xs = on_stack;
    if (n > STACK_STATES) {
        xs = malloc((size_t)n * sizeof(double));
        if (!xs) return -1;
    }
    if (n > 0) (*env)->GetDoubleArrayRegion(env, x, 0, n, xs);
    int result = fmugw_fmi2_me_place((fmi2SetTimeTYPE *)(intptr_t)set_time,
                                     (fmi2SetContinuousStatesTYPE *)(intptr_t)set_states,
                                     (fmi2Component)(intptr_t)component, t, n > 0 ? xs : NULL, n);
    if (xs != on_stack) free(xs);
    return result;
}

/* As fmugw_fmi2_me_derivatives, on Java arrays; -1 when out of memory. */
JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_engine_Fmi2Jni_derivatives(
    JNIEnv *env, jclass type, jlong set_time, jlong set_states, jlong get_derivatives,
    jlong component, jboolean place, jdouble t, jdoubleArray x, jdoubleArray dx, jint n) {
    (void)type;
    double on_stack[2 * STACK_STATES];
    double *xs = on_stack;
    if (n > STACK_STATES) {
        xs = malloc(2 * (size_t)n * sizeof(double));
        if (!xs) return -1;
    }
    double *dxs = xs + (n > STACK_STATES ? n : STACK_STATES);
    if (place) (*env)->GetDoubleArrayRegion(env, x, 0, n, xs);
    int result = fmugw_fmi2_me_derivatives(
        (fmi2SetTimeTYPE *)(intptr_t)set_time, (fmi2SetContinuousStatesTYPE *)(intptr_t)set_states,
        (fmi2GetDerivativesTYPE *)(intptr_t)get_derivatives, (fmi2Component)(intptr_t)component,
        place, t, xs, dxs, n);
    if (result == 0) (*env)->SetDoubleArrayRegion(env, dx, 0, n, dxs);
    if (xs != on_stack) free(xs);
    return result;
}

/* As fmugw_fmi2_me_indicators, on Java arrays; -1 when out of memory. */
JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_engine_Fmi2Jni_indicators(
    JNIEnv *env, jclass type, jlong set_time, jlong set_states, jlong get_indicators,
    jlong component, jboolean place, jdouble t, jdoubleArray x, jint n, jdoubleArray z, jint nz) {
    (void)type;
    double on_stack[2 * STACK_STATES];
    double *xs = on_stack;
    int heap = n > STACK_STATES || nz > STACK_STATES;
    size_t room = heap ? (size_t)(n > nz ? n : nz) : STACK_STATES;
    if (heap) {
        xs = malloc(2 * room * sizeof(double));
        if (!xs) return -1;
    }
    double *zs = xs + room;
    if (place && n > 0) (*env)->GetDoubleArrayRegion(env, x, 0, n, xs);
    int result = fmugw_fmi2_me_indicators(
        (fmi2SetTimeTYPE *)(intptr_t)set_time, (fmi2SetContinuousStatesTYPE *)(intptr_t)set_states,
        (fmi2GetEventIndicatorsTYPE *)(intptr_t)get_indicators, (fmi2Component)(intptr_t)component,
        place, t, xs, n, zs, nz);
    if (result == 0) (*env)->SetDoubleArrayRegion(env, z, 0, nz, zs);
    if (heap) free(xs);
    return result;
}

/* As fmugw_fmi2_me_reals, on Java arrays (vr as Java ints); -1 when out of memory. */
JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_engine_Fmi2Jni_reals(
    JNIEnv *env, jclass type, jlong set_time, jlong set_states, jlong get_real, jlong component,
    jboolean place, jdouble t, jdoubleArray x, jint n, jintArray vr, jdoubleArray values,
    jint nvr) {
    (void)type;
    double on_stack[2 * STACK_STATES];
    fmi2ValueReference refs_on_stack[STACK_STATES];
    double *xs = on_stack;
    fmi2ValueReference *refs = refs_on_stack;
    int heap = n > STACK_STATES || nvr > STACK_STATES;
    size_t room = heap ? (size_t)(n > nvr ? n : nvr) : STACK_STATES;
    if (heap) {
        xs = malloc(2 * room * sizeof(double) + room * sizeof(fmi2ValueReference));
        if (!xs) return -1;
        refs = (fmi2ValueReference *)(xs + 2 * room);
    }
    double *vals = xs + room;
    if (place && n > 0) (*env)->GetDoubleArrayRegion(env, x, 0, n, xs);
    (*env)->GetIntArrayRegion(env, vr, 0, nvr, (jint *)refs);
    int result = fmugw_fmi2_me_reals(
        (fmi2SetTimeTYPE *)(intptr_t)set_time, (fmi2SetContinuousStatesTYPE *)(intptr_t)set_states,
        (fmi2GetRealTYPE *)(intptr_t)get_real, (fmi2Component)(intptr_t)component, place, t, xs, n,
        refs, nvr, vals);
    if (result == 0) (*env)->SetDoubleArrayRegion(env, values, 0, nvr, vals);
    if (heap) free(xs);
    return result;
}

/*
 * As fmugw_fmi2_me_jacobian, on Java arrays (value references as Java ints), the n * n values row by
 * row into jacobian (left alone on failure); -1 when out of memory.
 */
JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_engine_Fmi2Jni_jacobian(
    JNIEnv *env, jclass type, jlong get_directional_derivative, jlong component,
    jintArray unknowns, jintArray knowns, jint n, jdoubleArray jacobian) {
    (void)type;
    /* Up to 8 states on the stack: the matrix, the seed and column, both lists of references. */
    double on_stack[8 * 8 + 2 * 8 + 8];
    double *values = on_stack;
    size_t room = (size_t)n * (size_t)n + 2 * (size_t)n;
    size_t refs_room = ((size_t)n * sizeof(fmi2ValueReference) * 2 + sizeof(double) - 1) /
                       sizeof(double);
    if (room + refs_room > sizeof on_stack / sizeof on_stack[0]) {
        values = malloc((room + refs_room) * sizeof(double));
        if (!values) return -1;
    }
    double *seed = values + (size_t)n * (size_t)n;
    double *column = seed + n;
    fmi2ValueReference *unknown_refs = (fmi2ValueReference *)(column + n);
    fmi2ValueReference *known_refs = unknown_refs + n;
    (*env)->GetIntArrayRegion(env, unknowns, 0, n, (jint *)unknown_refs);
    (*env)->GetIntArrayRegion(env, knowns, 0, n, (jint *)known_refs);
    int result = fmugw_fmi2_me_jacobian(
        (fmi2GetDirectionalDerivativeTYPE *)(intptr_t)get_directional_derivative,
        (fmi2Component)(intptr_t)component, unknown_refs, known_refs, n, seed, column, values);
    if (result == 0) (*env)->SetDoubleArrayRegion(env, jacobian, 0, n * n, values);
    if (values != on_stack) free(values);
    return result;
}

JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_engine_Fmi2Jni_completedIntegratorStep(
    JNIEnv *env, jclass type, jlong completed, jlong component) {
    (void)env;
    (void)type;
    return fmugw_fmi2_completed_integrator_step(
        (fmi2CompletedIntegratorStepTYPE *)(intptr_t)completed, (fmi2Component)(intptr_t)component);
}
