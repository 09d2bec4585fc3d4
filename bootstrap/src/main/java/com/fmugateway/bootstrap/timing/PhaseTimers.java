package com.fmugateway.bootstrap.timing;

import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Times ports by phase for the benchmark's breakdown, one Micrometer timer per phase. Off unless
 * {@code fmugw.benchmark.timings} is true: then {@link #timed} returns its target untouched and
 * nothing is measured.
 */
public final class PhaseTimers {

  /** The timers' name; each carries a {@code phase} tag. */
  public static final String METER = "fmugw.simulate.phase";

  private final MeterRegistry registry;
  private final Map<Phase, Timer> timers = new EnumMap<>(Phase.class);

  /**
   * @param registry null when timing is off
   */
  public PhaseTimers(MeterRegistry registry) {
    this.registry = registry;
    if (registry != null) {
      for (Phase phase : Phase.values()) {
        timers.put(phase, Timer.builder(METER).tag("phase", phase.label()).register(registry));
      }
    }
  }

  public boolean enabled() {
    return registry != null;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * {@code target} with the {@code Mono}-returning methods named in {@code phases} timed, from
   * subscription to their first signal, into the current request's phases.
   */
  public <T> T timed(Class<T> port, T target, Map<String, Phase> phases) {
    Objects.requireNonNull(target, "target");
    if (!enabled()) {
      return target;
    }
    InvocationHandler handler =
        (proxy, method, args) -> {
          Phase phase = phases.get(method.getName());
          if (phase != null && method.getReturnType() == Flux.class) {
            return Flux.deferContextual(
                context -> {
                  RequestPhases request = context.getOrDefault(RequestPhases.KEY, null);
                  @SuppressWarnings("unchecked")
                  Flux<Object> work = (Flux<Object>) call(target, method, args);
                  return request == null ? work : measured(work, phase, request);
                });
          }
          if (phase == null || method.getReturnType() != Mono.class) {
            return invoke(target, method, args);
          }
          return Mono.deferContextual(
              context -> {
                RequestPhases request = context.getOrDefault(RequestPhases.KEY, null);
                Mono<?> work = (Mono<?>) call(target, method, args);
                return request == null ? work : measured(work, phase, request);
              });
        };
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
  }

  /** The use case itself: marks where it began and ended, for decoding and encoding. */
  public <T> T useCase(Class<T> port, T target) {
    if (!enabled()) {
      return target;
    }
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getReturnType() == Flux.class) {
            return Flux.deferContextual(
                context -> {
                  RequestPhases request = context.getOrDefault(RequestPhases.KEY, null);
                  @SuppressWarnings("unchecked")
                  Flux<Object> work = (Flux<Object>) call(target, method, args);
                  if (request == null) {
                    return work;
                  }
                  request.useCaseStarted();
                  return work.doFinally(signal -> request.useCaseEnded());
                });
          }
          if (method.getReturnType() != Mono.class) {
            return invoke(target, method, args);
          }
          return Mono.deferContextual(
              context -> {
                RequestPhases request = context.getOrDefault(RequestPhases.KEY, null);
                if (request == null) {
                  return (Mono<?>) call(target, method, args);
                }
                request.useCaseStarted();
                return ((Mono<?>) call(target, method, args))
                    .doOnEach(signal -> request.useCaseEnded())
                    .doOnCancel(request::useCaseEnded);
              });
        };
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
  }

  /** Records a finished request's phases. */
  void record(RequestPhases request) {
    if (!enabled()) {
      return;
    }
    for (Map.Entry<Phase, Long> entry : request.finish().entrySet()) {
      timers.get(entry.getKey()).record(entry.getValue(), TimeUnit.NANOSECONDS);
    }
  }

  private static <V> Mono<V> measured(Mono<V> work, Phase phase, RequestPhases request) {
    return Mono.defer(
        () -> {
          long started = System.nanoTime();
          AtomicBoolean ended = new AtomicBoolean();
          Function<Object, Void> end =
              value -> {
                if (ended.compareAndSet(false, true)) {
                  request.add(phase, System.nanoTime() - started);
                  if (value instanceof SimulationResult result) {
                    request.add(Phase.INSIDE_FMU, result.cpuTime().toNanos());
                  }
                }
                return null;
              };
          return work.doOnEach(signal -> end.apply(signal.get())).doOnCancel(() -> end.apply(null));
        });
  }

  /**
   * A stream of result parts, timed from subscription to its end; its end part says how long the
   * FMU computed.
   */
  private static <V> Flux<V> measured(Flux<V> work, Phase phase, RequestPhases request) {
    return Flux.defer(
        () -> {
          long started = System.nanoTime();
          return work.doOnNext(
                  part -> {
                    if (part instanceof ResultPart.End end) {
                      request.add(Phase.INSIDE_FMU, end.cpuTime().toNanos());
                    }
                  })
              .doFinally(signal -> request.add(phase, System.nanoTime() - started));
        });
  }

  /** Like {@link #invoke}, for lambdas: a checked exception travels wrapped, as Reactor does. */
  private static Object call(Object target, Method method, Object[] args) {
    try {
      return invoke(target, method, args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw Exceptions.propagate(e);
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
