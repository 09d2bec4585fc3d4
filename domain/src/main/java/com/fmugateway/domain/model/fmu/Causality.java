package com.fmugateway.domain.model.fmu;

/** FMI 2.0 causality: how a variable is visible from outside the FMU. */
public enum Causality {
  PARAMETER,
  CALCULATED_PARAMETER,
  INPUT,
  OUTPUT,
  LOCAL,
  INDEPENDENT
}
