package com.fmugateway.domain.shared.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The transition table of one life cycle: every move a state may make, and nothing else. A move not
 * in the table cannot even be named ({@link #between} throws), so no store is ever asked for one.
 */
public final class Transitions<S extends Enum<S>> {

  private final Set<Transition<S>> allowed;

  private Transitions(Set<Transition<S>> allowed) {
    this.allowed = Collections.unmodifiableSet(allowed);
  }

  /** A table allowing exactly the given moves. */
  @SafeVarargs
  public static <S extends Enum<S>> Transitions<S> of(Transition<S>... moves) {
    return new Transitions<>(new LinkedHashSet<>(List.of(moves)));
  }

  public static <S extends Enum<S>> Transition<S> move(S from, S to) {
    return new Transition<>(from, to);
  }

  public boolean allows(S from, S to) {
    return allowed.contains(new Transition<>(from, to));
  }

  /** The move {@code from} → {@code to}; refused with {@link IllegalTransitionException}. */
  public Transition<S> between(S from, S to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!allows(from, to)) {
      throw new IllegalTransitionException(from, to);
    }
    return new Transition<>(from, to);
  }

  /** Every allowed move, in the order the table lists them. */
  public Set<Transition<S>> all() {
    return allowed;
  }

  /** The states {@code from} may move to. */
  public List<S> next(S from) {
    List<S> next = new ArrayList<>();
    allowed.stream().filter(t -> t.from() == from).forEach(t -> next.add(t.to()));
    return List.copyOf(next);
  }

  /** A move the life cycle does not allow, asked for anyway: a bug, never a user's mistake. */
  public static final class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(Enum<?> from, Enum<?> to) {
      super("no transition " + from + " -> " + to);
    }
  }
}
