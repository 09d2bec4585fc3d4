package com.fmugateway.domain.fmu.model;

/** FMI 2.0 {@code initial} attribute: how a variable gets its initial value. */
public enum Initial {
  EXACT,
  APPROX,
  CALCULATED
}
