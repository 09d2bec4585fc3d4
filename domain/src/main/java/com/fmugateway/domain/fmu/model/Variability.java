package com.fmugateway.domain.fmu.model;

/** FMI 2.0 variability: when a variable may change. */
public enum Variability {
  CONSTANT,
  FIXED,
  TUNABLE,
  DISCRETE,
  CONTINUOUS
}
