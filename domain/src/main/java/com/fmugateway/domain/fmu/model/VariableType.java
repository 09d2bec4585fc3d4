package com.fmugateway.domain.fmu.model;

/** FMI 2.0 variable types. Enumerations are integers on the wire. */
public enum VariableType {
  REAL,
  INTEGER,
  BOOLEAN,
  STRING,
  ENUMERATION
}
