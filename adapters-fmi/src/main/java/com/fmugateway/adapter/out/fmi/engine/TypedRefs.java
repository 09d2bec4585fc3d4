package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import java.util.List;

/**
 * Value references of a list of variables split by FMI get/set function, remembering where each
 * variable went so results can be put back in the original order.
 */
record TypedRefs(
    long[] reals,
    long[] integers,
    long[] booleans,
    long[] strings,
    Kind[] kinds,
    int[] indexInType) {

  /** The FMI 2.0 function family a variable is read and written with. */
  enum Kind {
    REAL,
    INTEGER,
    BOOLEAN,
    STRING
  }

  static Kind kindOf(VariableType type) {
    return switch (type) {
      case REAL -> Kind.REAL;
      case INTEGER, ENUMERATION -> Kind.INTEGER;
      case BOOLEAN -> Kind.BOOLEAN;
      case STRING -> Kind.STRING;
      // FMI 3.0 types never reach the FMI 2.0 engine: the engine is chosen by fmiVersion.
      default -> throw new IllegalArgumentException("not an FMI 2.0 type: " + type.label());
    };
  }

  static TypedRefs of(List<ModelVariable> variables) {
    int[] counts = new int[Kind.values().length];
    Kind[] kinds = new Kind[variables.size()];
    int[] indexInType = new int[variables.size()];
    for (int n = 0; n < variables.size(); n++) {
      kinds[n] = kindOf(variables.get(n).type());
      indexInType[n] = counts[kinds[n].ordinal()]++;
    }
    long[][] refs = new long[Kind.values().length][];
    for (Kind kind : Kind.values()) {
      refs[kind.ordinal()] = new long[counts[kind.ordinal()]];
    }
    for (int n = 0; n < variables.size(); n++) {
      refs[kinds[n].ordinal()][indexInType[n]] = variables.get(n).valueReference();
    }
    return new TypedRefs(refs[0], refs[1], refs[2], refs[3], kinds, indexInType);
  }

  Kind kindOf(int n) {
    return kinds[n];
  }
}
