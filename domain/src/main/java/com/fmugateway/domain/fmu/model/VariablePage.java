package com.fmugateway.domain.fmu.model;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.List;

/**
 * One page of a model's variables, in the order of its description: a model may declare tens of
 * thousands, and nobody needs them all in one answer.
 *
 * @param offset how many variables come before this page
 * @param limit the most this page could hold
 * @param total how many the model declares
 */
public record VariablePage(List<ModelVariable> variables, int offset, int limit, int total) {

  /** A page when the caller names no limit. */
  public static final int DEFAULT_LIMIT = 1_000;

  /** The largest page anyone gets. */
  public static final int MAX_LIMIT = 10_000;

  public VariablePage {
    variables = List.copyOf(variables);
  }

  /**
   * Checks a request for a page before anything is looked up.
   *
   * @throws InvalidInputException naming {@code offset} or {@code limit}
   */
  public static void check(int offset, int limit) {
    if (offset < 0) {
      throw new InvalidInputException("offset", "must be 0 or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }

  /** The page of {@code all} starting at {@code offset}; empty past the end. */
  public static VariablePage of(List<ModelVariable> all, int offset, int limit) {
    check(offset, limit);
    int from = Math.min(offset, all.size());
    int to = (int) Math.min((long) from + limit, all.size());
    return new VariablePage(all.subList(from, to), offset, limit, all.size());
  }

  /** Whether variables follow this page. */
  public boolean hasNext() {
    return (long) offset + variables.size() < total;
  }
}
