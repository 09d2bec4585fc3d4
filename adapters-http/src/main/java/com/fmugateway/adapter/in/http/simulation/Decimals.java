package com.fmugateway.adapter.in.http.simulation;

import tools.jackson.core.io.NumberOutput;

/**
 * A double in results as the shortest decimal that reads back as the same double, in {@link
 * Double#toString}'s layout ({@code 0.01}, {@code 1.0E-5}), for results and experiments' CSV. Java
 * 17's {@code Double.toString} sometimes writes a digit more than that ({@code
 * 6.6668432780556552E16} for {@code 6.666843278055655E16}, JDK-4511638, fixed in Java 19) and takes
 * about half as long again as Jackson's Schubfach writer, which Java 19's is a version of: a
 * result's numbers are most of its encoding's time.
 */
public final class Decimals {

  private Decimals() {}

  static StringBuilder append(StringBuilder out, double value) {
    return out.append(of(value));
  }

  /** The text; {@code NaN}, {@code Infinity} and {@code -Infinity} as {@code Double.toString}'s. */
  public static String of(double value) {
    return NumberOutput.toString(value, true);
  }
}
