package com.fmugateway.domain.simulation.model;

/**
 * The order in which a streamed result's samples arrive. {@link #ROWS}: every column for a run of
 * samples at a time (what CSV writes). {@link #COLUMNS}: all sample times first, then each output
 * whole, one after the other (an array output's elements together), each chunk with the times of
 * its samples (what columnar JSON writes).
 */
public enum ResultLayout {
  ROWS,
  COLUMNS
}
