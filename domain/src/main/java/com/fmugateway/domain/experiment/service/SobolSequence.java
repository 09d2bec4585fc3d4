package com.fmugateway.domain.experiment.service;

/**
 * Points of the Sobol' sequence in up to {@value #MAX_DIMENSIONS} dimensions, with the direction
 * numbers of Joe and Kuo (new-joe-kuo-6.21201, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30, 2008), generated in Gray-code order as in
 * their reference implementation. Point 0 (the origin) is skipped, so no coordinate is 0 and a
 * normal parameter's quantile stays finite.
 */
final class SobolSequence {

  static final int MAX_DIMENSIONS = 21;

  private static final int BITS = 32;

  /** {s, a, m_1 … m_s} for dimensions 2 to 21; dimension 1 has all m_i = 1. */
  private static final int[][] JOE_KUO = {
    {1, 0, 1},
    {2, 1, 1, 3},
    {3, 1, 1, 3, 1},
    {3, 2, 1, 1, 1},
    {4, 1, 1, 1, 3, 3},
    {4, 4, 1, 3, 5, 13},
    {5, 2, 1, 1, 5, 5, 17},
    {5, 4, 1, 1, 5, 5, 5},
    {5, 7, 1, 1, 7, 11, 19},
    {5, 11, 1, 1, 5, 1, 1},
    {5, 13, 1, 1, 1, 3, 11},
    {5, 14, 1, 3, 5, 5, 31},
    {6, 1, 1, 3, 3, 9, 7, 49},
    {6, 13, 1, 1, 1, 15, 21, 21},
    {6, 16, 1, 3, 1, 13, 27, 49},
    {6, 19, 1, 1, 1, 15, 7, 5},
    {6, 22, 1, 3, 1, 15, 13, 25},
    {6, 25, 1, 1, 5, 5, 19, 61},
    {7, 1, 1, 3, 7, 11, 23, 15, 103},
    {7, 4, 1, 3, 7, 13, 13, 15, 69},
  };

  private final long[][] directions;
  private final long[] current;
  private long index;

  SobolSequence(int dimensions) {
    if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new IllegalArgumentException("1 to " + MAX_DIMENSIONS + " dimensions: " + dimensions);
    }
    directions = new long[dimensions][BITS + 1];
    for (int i = 1; i <= BITS; i++) {
      directions[0][i] = 1L << (BITS - i);
    }
    for (int j = 1; j < dimensions; j++) {
      int[] row = JOE_KUO[j - 1];
      int s = row[0];
      int a = row[1];
      long[] v = directions[j];
      for (int i = 1; i <= Math.min(s, BITS); i++) {
        v[i] = ((long) row[1 + i]) << (BITS - i);
      }
      for (int i = s + 1; i <= BITS; i++) {
        v[i] = v[i - s] ^ (v[i - s] >> s);
        for (int k = 1; k < s; k++) {
          v[i] ^= ((a >> (s - 1 - k)) & 1) * v[i - k];
        }
      }
    }
    current = new long[dimensions];
  }

  /** The next point, each coordinate in (0, 1). */
  double[] next() {
    // Gray code: point i differs from point i-1 by the direction of i-1's lowest zero bit.
    int c = Long.numberOfTrailingZeros(~index) + 1;
    index++;
    double[] point = new double[current.length];
    for (int j = 0; j < current.length; j++) {
      current[j] ^= directions[j][c];
      point[j] = current[j] / (double) (1L << BITS);
    }
    return point;
  }
}
