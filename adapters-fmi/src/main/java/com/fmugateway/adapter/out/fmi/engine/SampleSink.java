package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.ResultPart;

/**
 * Takes a run's samples while it goes on, so that the first of them need not wait for its end. With
 * {@link #rows()} every column goes with its samples and the recorder forgets them; without, only
 * their times go (a columnar answer writes the whole time axis first) and the values stay for the
 * end.
 */
public interface SampleSink {

  /** About how many bytes of numbers a hand-over should hold. */
  int chunkBytes();

  boolean rows();

  /** The next samples, in order; may block (the reader is slow) or fail (it went away). */
  void accept(ResultPart.Chunk chunk);

  /** Samples per hand-over for a recorder of {@code columns} columns besides time. */
  default int chunkSamples(int columns) {
    return Math.max(64, chunkBytes() / (Double.BYTES * (1 + columns)));
  }
}
