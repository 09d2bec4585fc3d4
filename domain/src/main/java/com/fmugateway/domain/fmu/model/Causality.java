package com.fmugateway.domain.fmu.model;

/** FMI 2.0 causality: how a variable is visible from outside the FMU. */
public enum Causality {
  PARAMETER,
  CALCULATED_PARAMETER,
  INPUT,
  OUTPUT,
  LOCAL,
  INDEPENDENT
}
