package com.fmugateway.adapter.out.fmi.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The library's BouncingBall in closed form: parabolas between impacts, each rebound e times the
 * impact speed, and at rest for good once a rebound would be slower than 0.1 m/s.
 */
final class BouncingBallAnalytic {

  private static final double V_MIN = 0.1;

  private record Arc(double start, double height, double velocity) {}

  private final double g;
  private final List<Arc> arcs = new ArrayList<>();
  private final List<Double> impacts = new ArrayList<>();

  BouncingBallAnalytic(double h0, double g, double e, double until) {
    this.g = g;
    arcs.add(new Arc(0, h0, 0));
    double t = Math.sqrt(2 * h0 / g);
    double speed = g * t;
    while (t <= until) {
      impacts.add(t);
      double rebound = e * speed;
      if (rebound < V_MIN) {
        arcs.add(new Arc(t, 0, Double.NaN));
        break;
      }
      arcs.add(new Arc(t, 0, rebound));
      t += 2 * rebound / g;
      speed = rebound;
    }
  }

  List<Double> impacts() {
    return impacts;
  }

  double height(double t) {
    Arc arc = arcAt(t);
    if (Double.isNaN(arc.velocity)) {
      return 0;
    }
    double dt = t - arc.start;
    return arc.height + arc.velocity * dt - g * dt * dt / 2;
  }

  private Arc arcAt(double t) {
    Arc current = arcs.get(0);
    for (Arc arc : arcs) {
      if (arc.start <= t) {
        current = arc;
      }
    }
    return current;
  }

  /**
   * Impact times recovered from sampled h and v: where v jumps up between two samples, the ball hit
   * the ground in between, at the root of the parabola through the earlier sample.
   */
  static List<Double> impactsFromSamples(double[] time, double[] h, double[] v, double g) {
    List<Double> found = new ArrayList<>();
    for (int k = 0; k + 1 < time.length; k++) {
      if (v[k + 1] > v[k] + 1e-9) {
        found.add(time[k] + (v[k] + Math.sqrt(v[k] * v[k] + 2 * g * h[k])) / g);
      }
    }
    return found;
  }
}
