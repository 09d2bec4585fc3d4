package com.fmugateway.adapter.out.fmi.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/** Time arithmetic shared by both masters. */
final class Times {

  private static final MathContext MESSAGE_PRECISION = new MathContext(10);

  private Times() {}

  /**
   * The step from {@code t} that lands on {@code target} without passing it: {@code target - t} can
   * round so that {@code t + step > target}, and FMI4j then refuses a step ending at the stop time
   * without calling the FMU.
   */
  static double stepTo(double t, double target) {
    double step = target - t;
    while (t + step > target) {
      step = Math.nextDown(step);
    }
    return step;
  }

  /** Whether {@code t} is {@code target} up to the rounding of a sum of steps. */
  static boolean reached(double t, double target) {
    return t >= target - 1e-12 * Math.max(1.0, Math.abs(target));
  }

  /** Too short a span for an integrator, which rejects anything within 1000 ulps. */
  static boolean negligible(double from, double to) {
    return to - from <= 1000 * Math.ulp(Math.max(Math.abs(from), Math.abs(to)));
  }

  /** A time for messages: {@code 0.3}, not {@code 0.30000000000000004}. */
  static String format(double t) {
    return new BigDecimal(t).round(MESSAGE_PRECISION).stripTrailingZeros().toPlainString();
  }
}
