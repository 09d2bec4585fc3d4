package com.fmugateway.domain.simulation.model;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One output variable over time, typed so that a million samples stay compact. */
public sealed interface Column
    permits Column.Real, Column.Integer, Column.Whole, Column.Bool, Column.Text {

  String name();

  int size();

  /**
   * The i-th value boxed as Double, Integer, Long (or BigInteger for an unsigned value past
   * Long.MAX_VALUE), Boolean or String, for JSON and CSV.
   */
  Object valueAt(int i);

  /** Samples {@code from} (inclusive) to {@code to} (exclusive), as a column of the same name. */
  Column slice(int from, int to);

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
    public Column slice(int from, int to) {
      return new Real(name, Arrays.copyOfRange(values, from, to));
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
    public Column slice(int from, int to) {
      return new Integer(name, Arrays.copyOfRange(values, from, to));
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

  /**
   * 64-bit whole numbers over time, exact: {@code unsigned} columns hold the bits of values up to
   * 2^64 - 1.
   */
  record Whole(String name, long[] values, boolean unsigned) implements Column {
    public Whole {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Column slice(int from, int to) {
      return new Whole(name, Arrays.copyOfRange(values, from, to), unsigned);
    }

    @Override
    public Object valueAt(int i) {
      long value = values[i];
      return unsigned && value < 0 ? new BigInteger(Long.toUnsignedString(value)) : value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Whole r
          && name.equals(r.name)
          && unsigned == r.unsigned
          && Arrays.equals(values, r.values);
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
    public Column slice(int from, int to) {
      return new Bool(name, Arrays.copyOfRange(values, from, to));
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
    public Column slice(int from, int to) {
      return new Text(name, values.subList(from, to));
    }

    @Override
    public Object valueAt(int i) {
      return values.get(i);
    }
  }
}
