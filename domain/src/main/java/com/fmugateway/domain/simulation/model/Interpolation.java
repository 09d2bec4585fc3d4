package com.fmugateway.domain.simulation.model;

/** How an input signal is read between its samples. */
public enum Interpolation {
  /** Straight line between neighbouring samples. */
  LINEAR,
  /** The last sample's value until the next sample (zero-order hold). */
  HOLD
}
