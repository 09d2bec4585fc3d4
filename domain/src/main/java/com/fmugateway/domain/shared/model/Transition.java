package com.fmugateway.domain.shared.model;

import java.util.Objects;

/**
 * One allowed move of a life cycle, {@code from} → {@code to}, as taken from its {@link
 * Transitions} table: a store applies it as a compare-and-set (expect {@code from}, write {@code
 * to}).
 */
public record Transition<S extends Enum<S>>(S from, S to) {

  public Transition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public String toString() {
    return from + " -> " + to;
  }
}
