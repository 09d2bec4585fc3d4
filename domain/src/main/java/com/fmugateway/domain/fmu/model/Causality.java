package com.fmugateway.domain.fmu.model;

/**
 * FMI causality: how a variable is visible from outside the FMU. {@code STRUCTURAL_PARAMETER} is
 * FMI 3.0's parameter that sizes arrays.
 */
public enum Causality {
  PARAMETER,
  CALCULATED_PARAMETER,
  INPUT,
  OUTPUT,
  LOCAL,
  INDEPENDENT,
  STRUCTURAL_PARAMETER
}
