package com.fmugateway.domain.simulation.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One output variable over time, typed so that a million samples stay compact. */
public sealed interface Column permits Column.Real, Column.Integer, Column.Bool, Column.Text {

  String name();

  int size();

  /** The i-th value boxed as Double, Integer, Boolean or String, for JSON and CSV. */
  Object valueAt(int i);

  /** Real values over time. */
  record Real(String name, double[] values) implements Column {
    public Real {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Object valueAt(int i) {
      return values[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Real r && name.equals(r.name) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(values);
    }
  }

  /** Integer (and enumeration) values over time. */
  record Integer(String name, int[] values) implements Column {
    public Integer {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Object valueAt(int i) {
      return values[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Integer r && name.equals(r.name) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(values);
    }
  }

  /** Boolean values over time. */
  record Bool(String name, boolean[] values) implements Column {
    public Bool {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Object valueAt(int i) {
      return values[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bool r && name.equals(r.name) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(values);
    }
  }

  /** String values over time. */
  record Text(String name, List<String> values) implements Column {
    public Text {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
    }

    @Override
    public int size() {
      return values.size();
    }

    @Override
    public Object valueAt(int i) {
      return values.get(i);
    }
  }
}
