package com.fmugateway.domain.model.fmu;

/** FMI 2.0 variable types. Enumerations are integers on the wire. */
public enum VariableType {
  REAL,
  INTEGER,
  BOOLEAN,
  STRING,
  ENUMERATION
}
