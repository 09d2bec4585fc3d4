/* FMI 2.0 co-simulation functions. Steps run synchronously, so nothing is ever pending. */
#include <math.h>

#include "framework.h"

#define STATUS_PHASES (PHASE_STEP_COMPLETE | PHASE_TERMINATED | PHASE_ERROR)

static bool cs(ModelInstance *inst, const char *fn, unsigned phases) {
    return inst && allowed_for(inst, fn, fmi2CoSimulation, phases);
}

fmi2Status fmi2DoStep(fmi2Component c, fmi2Real currentCommunicationPoint, fmi2Real communicationStepSize,
                      fmi2Boolean noSetFMUStatePriorToCurrentPoint) {
    ModelInstance *inst = c;
    double tEnd = currentCommunicationPoint + communicationStepSize;
    fmi2Status status;

    (void)noSetFMUStatePriorToCurrentPoint;
    if (!cs(inst, "fmi2DoStep", PHASE_STEP_COMPLETE)) return fmi2Error;
    if (!(communicationStepSize >= 0)) {
        log_error(inst, "fmi2DoStep: communicationStepSize %g is negative", communicationStepSize);
        return fmi2Error;
    }
    /* The importer may add steps up differently from us; anything beyond rounding is misuse. */
    if (fabs(currentCommunicationPoint - inst->time) >
        1e-6 * communicationStepSize + 1e-12 * fmax(1.0, fabs(inst->time))) {
        log_error(inst, "fmi2DoStep: currentCommunicationPoint %.17g differs from the FMU time %.17g",
                  currentCommunicationPoint, inst->time);
        return fmi2Error;
    }
    status = MODEL.doStep ? MODEL.doStep(inst, tEnd) : generic_step(inst, tEnd, communicationStepSize);
    /* Set, not accumulated, so that the next currentCommunicationPoint matches bit for bit. */
    inst->time = tEnd;
    inst->dirty = true;
    if (status > fmi2Warning) inst->phase = PHASE_ERROR;
    return status;
}

fmi2Status fmi2CancelStep(fmi2Component c) {
    ModelInstance *inst = c;

    if (inst) log_error(inst, "fmi2CancelStep: no step is pending, fmi2DoStep always completes");
    return fmi2Error;
}

fmi2Status fmi2SetRealInputDerivatives(fmi2Component c, const fmi2ValueReference vr[], size_t nvr,
                                       const fmi2Integer order[], const fmi2Real value[]) {
    ModelInstance *inst = c;

    (void)vr;
    (void)nvr;
    (void)order;
    (void)value;
    if (inst) log_error(inst, "fmi2SetRealInputDerivatives is not supported: canInterpolateInputs is false");
    return fmi2Error;
}

fmi2Status fmi2GetRealOutputDerivatives(fmi2Component c, const fmi2ValueReference vr[], size_t nvr,
                                        const fmi2Integer order[], fmi2Real value[]) {
    ModelInstance *inst = c;

    (void)vr;
    (void)nvr;
    (void)order;
    (void)value;
    if (inst) log_error(inst, "fmi2GetRealOutputDerivatives is not supported: maxOutputDerivativeOrder is 0");
    return fmi2Error;
}

static fmi2Status no_such_status(ModelInstance *inst, const char *fn, fmi2StatusKind s) {
    log_error(inst, "%s: status kind %d is not available", fn, (int)s);
    return fmi2Discard;
}

fmi2Status fmi2GetStatus(fmi2Component c, const fmi2StatusKind s, fmi2Status *value) {
    ModelInstance *inst = c;

    (void)value;
    if (!cs(inst, "fmi2GetStatus", STATUS_PHASES)) return fmi2Error;
    return no_such_status(inst, "fmi2GetStatus", s);
}

fmi2Status fmi2GetRealStatus(fmi2Component c, const fmi2StatusKind s, fmi2Real *value) {
    ModelInstance *inst = c;

    if (!cs(inst, "fmi2GetRealStatus", STATUS_PHASES)) return fmi2Error;
    if (s != fmi2LastSuccessfulTime || !value) return no_such_status(inst, "fmi2GetRealStatus", s);
    *value = inst->time;
    return fmi2OK;
}

fmi2Status fmi2GetIntegerStatus(fmi2Component c, const fmi2StatusKind s, fmi2Integer *value) {
    ModelInstance *inst = c;

    (void)value;
    if (!cs(inst, "fmi2GetIntegerStatus", STATUS_PHASES)) return fmi2Error;
    return no_such_status(inst, "fmi2GetIntegerStatus", s);
}

fmi2Status fmi2GetBooleanStatus(fmi2Component c, const fmi2StatusKind s, fmi2Boolean *value) {
    ModelInstance *inst = c;

    if (!cs(inst, "fmi2GetBooleanStatus", STATUS_PHASES)) return fmi2Error;
    if (s != fmi2Terminated || !value) return no_such_status(inst, "fmi2GetBooleanStatus", s);
    *value = fmi2False; /* the models never ask to end the simulation */
    return fmi2OK;
}

fmi2Status fmi2GetStringStatus(fmi2Component c, const fmi2StatusKind s, fmi2String *value) {
    ModelInstance *inst = c;

    (void)value;
    if (!cs(inst, "fmi2GetStringStatus", STATUS_PHASES)) return fmi2Error;
    return no_such_status(inst, "fmi2GetStringStatus", s);
}
