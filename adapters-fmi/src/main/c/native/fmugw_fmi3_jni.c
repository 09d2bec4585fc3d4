/*
 * JNI entry points into fmugw_fmi3.c for model exchange's calls made once per derivative
 * evaluation, output sample, Jacobian or step (Fmi3Jni), as fmugw_fmi2_jni.c are FMI 2.0's: JNA's
 * dispatch, even direct-mapped, cost more than a simple FMU's work per call. Built into the same
 * library when the JDK's jni.h is at hand; without it Java calls the FMU through JNA. The arrays
 * are copied in and out rather than pinned: the FMU may log, which calls back into Java.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>

#include "fmi3Functions.h"

int fmugw_fmi3_me_values(fmi3SetTimeTYPE *set_time, fmi3SetContinuousStatesTYPE *set_states,
                         fmi3GetContinuousStateDerivativesTYPE *get, fmi3Instance instance,
                         double t, const double *x, int n, double *into, int m);
int fmugw_fmi3_me_float64(fmi3SetTimeTYPE *set_time, fmi3SetContinuousStatesTYPE *set_states,
                          fmi3GetFloat64TYPE *get_float64, fmi3Instance instance, double t,
                          const double *x, int n, const fmi3ValueReference *vrs, int nvr,
                          double *values, int nvalues);
int fmugw_fmi3_me_jacobian(fmi3GetDirectionalDerivativeTYPE *get_directional_derivative,
                           fmi3Instance instance, const fmi3ValueReference *unknowns,
                           int nunknowns, const fmi3ValueReference *knowns, int nknowns, int n,
                           double *seed, double *column, double *jacobian);
int fmugw_fmi3_completed_integrator_step(fmi3CompletedIntegratorStepTYPE *completed,
                                         fmi3Instance instance);

/* Values kept on the stack; more are allocated. */
#define STACK_VALUES 128

/* Room for n doubles, on the stack when they fit: NULL when out of memory. */
static double *room(double *on_stack, size_t n) {
    return n <= STACK_VALUES ? on_stack : malloc(n * sizeof(double));
}

JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_fmi3_Fmi3Jni_version(JNIEnv *env,
                                                                               jclass type) {
    (void)env;
    (void)type;
    return 3;
}

/*
 * As fmugw_fmi3_me_values on Java arrays: x null leaves the FMU where it stands, get 0 reads
 * nothing; into (m values) is left alone on failure. -1 when out of memory.
 */
JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_fmi3_Fmi3Jni_meValues(
    JNIEnv *env, jclass type, jlong set_time, jlong set_states, jlong get, jlong instance,
    jdouble t, jdoubleArray x, jint n, jdoubleArray into, jint m) {
    (void)type;
    double on_stack[STACK_VALUES];
    size_t size = (size_t)n + (size_t)m;
    double *values = room(on_stack, size);
    if (!values) return -1;
    double *xs = x ? values : NULL;
    if (x && n > 0) (*env)->GetDoubleArrayRegion(env, x, 0, n, xs);
    int result = fmugw_fmi3_me_values(
        (fmi3SetTimeTYPE *)(intptr_t)set_time, (fmi3SetContinuousStatesTYPE *)(intptr_t)set_states,
        (fmi3GetContinuousStateDerivativesTYPE *)(intptr_t)get, (fmi3Instance)(intptr_t)instance,
        t, xs, n, values + n, m);
    if (result == 0 && get && m > 0) (*env)->SetDoubleArrayRegion(env, into, 0, m, values + n);
    if (values != on_stack) free(values);
    return result;
}

/*
 * As fmugw_fmi3_me_float64 on Java arrays (value references as Java ints): x null leaves the FMU
 * where it stands; values (nvalues) is left alone on failure. -1 when out of memory.
 */
JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_fmi3_Fmi3Jni_meFloat64(
    JNIEnv *env, jclass type, jlong set_time, jlong set_states, jlong get_float64, jlong instance,
    jdouble t, jdoubleArray x, jint n, jintArray vrs, jint nvr, jdoubleArray values,
    jint nvalues) {
    (void)type;
    double on_stack[STACK_VALUES];
    /* The states, the values, then the value references (two to a double). */
    size_t size = (size_t)n + (size_t)nvalues + ((size_t)nvr + 1) / 2;
    double *all = room(on_stack, size);
    if (!all) return -1;
    double *xs = x ? all : NULL;
    double *read = all + n;
    fmi3ValueReference *refs = (fmi3ValueReference *)(read + nvalues);
    if (x && n > 0) (*env)->GetDoubleArrayRegion(env, x, 0, n, xs);
    if (nvr > 0) (*env)->GetIntArrayRegion(env, vrs, 0, nvr, (jint *)refs);
    int result = fmugw_fmi3_me_float64(
        (fmi3SetTimeTYPE *)(intptr_t)set_time, (fmi3SetContinuousStatesTYPE *)(intptr_t)set_states,
        (fmi3GetFloat64TYPE *)(intptr_t)get_float64, (fmi3Instance)(intptr_t)instance, t, xs, n,
        refs, nvr, read, nvalues);
    if (result == 0 && nvr > 0) (*env)->SetDoubleArrayRegion(env, values, 0, nvalues, read);
    if (all != on_stack) free(all);
    return result;
}

/*
 * As fmugw_fmi3_me_jacobian on Java arrays (value references as Java ints), the n * n values row by
 * row into jacobian (left alone on failure). -1 when out of memory.
 */
JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_fmi3_Fmi3Jni_meJacobian(
    JNIEnv *env, jclass type, jlong get_directional_derivative, jlong instance,
    jintArray unknowns, jintArray knowns, jint n, jdoubleArray jacobian) {
    (void)type;
    jsize nunknowns = (*env)->GetArrayLength(env, unknowns);
    jsize nknowns = (*env)->GetArrayLength(env, knowns);
    double on_stack[STACK_VALUES];
    /* The matrix, the seed and column, then both lists of value references (two to a double). */
    size_t size = (size_t)n * (size_t)n + 2 * (size_t)n +
                  ((size_t)nunknowns + (size_t)nknowns + 1) / 2;
    double *values = room(on_stack, size);
    if (!values) return -1;
    double *seed = values + (size_t)n * (size_t)n;
    double *column = seed + n;
    fmi3ValueReference *unknown_refs = (fmi3ValueReference *)(column + n);
    fmi3ValueReference *known_refs = unknown_refs + nunknowns;
    (*env)->GetIntArrayRegion(env, unknowns, 0, nunknowns, (jint *)unknown_refs);
    (*env)->GetIntArrayRegion(env, knowns, 0, nknowns, (jint *)known_refs);
    int result = fmugw_fmi3_me_jacobian(
        (fmi3GetDirectionalDerivativeTYPE *)(intptr_t)get_directional_derivative,
        (fmi3Instance)(intptr_t)instance, unknown_refs, nunknowns, known_refs, nknowns, n, seed,
        column, values);
    if (result == 0) (*env)->SetDoubleArrayRegion(env, jacobian, 0, n * n, values);
    if (values != on_stack) free(values);
    return result;
}

JNIEXPORT jint JNICALL Java_com_fmugateway_adapter_out_fmi_fmi3_Fmi3Jni_completedIntegratorStep(
    JNIEnv *env, jclass type, jlong completed, jlong instance) {
    (void)env;
    (void)type;
    return fmugw_fmi3_completed_integrator_step(
        (fmi3CompletedIntegratorStepTYPE *)(intptr_t)completed, (fmi3Instance)(intptr_t)instance);
}
