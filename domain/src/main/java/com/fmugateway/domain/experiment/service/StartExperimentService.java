package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.billing.model.ExperimentFunding;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.port.in.PayForExperimentUseCase;
import com.fmugateway.domain.billing.port.in.PayForRunUseCase;
import com.fmugateway.domain.billing.port.in.SecureExperimentCommand;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.experiment.model.ExperimentLimits;
import com.fmugateway.domain.experiment.model.ExperimentOutcome;
import com.fmugateway.domain.experiment.model.ExperimentStatus;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.experiment.port.in.StartExperimentCommand;
import com.fmugateway.domain.experiment.port.in.StartExperimentUseCase;
import com.fmugateway.domain.experiment.port.out.CaseQueue;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.simulation.port.in.CheckSimulationQuery;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starts an experiment: the tier's limits first (cases per experiment, experiments at once), then
 * every case checked against the model, then every case's quote held in one step, then the
 * experiment saved and its cases queued. Nothing is held when anything before fails; the holds are
 * given back if saving fails.
 */
public final class StartExperimentService implements StartExperimentUseCase {

  /** When a caller at its limit of experiments at once may try again. */
  static final Duration RETRY_RUNNING = Duration.ofSeconds(30);

  private static final Pattern VARIANT_FIELD =
      Pattern.compile("variants\\[(\\d+)]\\.startValues\\.(.+)");

  private final CheckSimulationQuery checks;
  private final PayForExperimentUseCase billing;
  private final PayForRunUseCase runs;
  private final ExperimentStore store;
  private final CaseQueue queue;
  private final ExperimentLimits limits;
  private final Clock clock;
  private final Views views;

  public StartExperimentService(
      CheckSimulationQuery checks,
      PayForExperimentUseCase billing,
      PayForRunUseCase runs,
      ExperimentStore store,
      CaseQueue queue,
      ExperimentLimits limits,
      Clock clock) {
    this.checks = Objects.requireNonNull(checks, "checks");
    this.billing = Objects.requireNonNull(billing, "billing");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.store = Objects.requireNonNull(store, "store");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.views = new Views(store);
  }

  @Override
  public Mono<ExperimentOutcome> start(StartExperimentCommand command) {
    SimulateCommand base = command.base();
    int max = limits.casesPerExperiment(base.tier());
    long count = command.sweep().caseCount();
    if (count > max) {
      return Mono.error(
          new InvalidInputException(
              "sweep",
              "gives "
                  + (count == Long.MAX_VALUE ? "too many" : String.valueOf(count))
                  + " cases; the limit cases_per_experiment of your tier is "
                  + max));
    }
    return Mono.fromCallable(() -> SweepDesigns.cases(command.sweep()))
        .flatMap(
            variants ->
                checks
                    .check(base, variants)
                    .onErrorMap(
                        InvalidInputException.class,
                        invalid -> inSweep(invalid, command.sweep().method()))
                    .flatMap(limit -> fund(command, variants, limit)));
  }

  private Mono<ExperimentOutcome> fund(
      StartExperimentCommand command, List<Map<String, Object>> variants, Duration limit) {
    SimulateCommand base = command.base();
    UUID experimentId = UUID.randomUUID();
    List<ExperimentCase> cases = new ArrayList<>(variants.size());
    for (int i = 0; i < variants.size(); i++) {
      cases.add(ExperimentCase.queued(experimentId, i, variants.get(i)));
    }
    SecureExperimentCommand secure =
        new SecureExperimentCommand(
            experimentId,
            base.caller(),
            base.tier(),
            cases.stream().map(ExperimentCase::id).toList(),
            base.fmuId().value(),
            () -> requestKey(command, variants),
            limit,
            base.payment());
    if (base.payment().quoteOnly()) {
      return billing
          .secure(secure)
          .map(
              funding -> {
                var demand = ((ExperimentFunding.Unpaid) funding).demand();
                long perCase = variants.isEmpty() ? 0 : demand.quote() / variants.size();
                return new ExperimentOutcome.Quoted(variants.size(), perCase, demand.balance());
              });
    }
    int maxRunning = limits.running(base.tier());
    return store
        .unfinished(base.caller())
        .flatMap(
            running ->
                running >= maxRunning
                    ? Mono.error(
                        new LimitReachedException(
                            "experiments_running",
                            maxRunning,
                            Optional.of(RETRY_RUNNING),
                            "your tier runs at most "
                                + maxRunning
                                + " experiments at once; wait for one to end or cancel one"))
                    : billing.secure(secure))
        .flatMap(
            funding ->
                funding instanceof ExperimentFunding.Held held
                    ? save(command, experimentId, cases, held)
                    : Mono.just(
                        new ExperimentOutcome.PaymentRequired(
                            ((ExperimentFunding.Unpaid) funding).demand())));
  }

  private Mono<ExperimentOutcome> save(
      StartExperimentCommand command,
      UUID experimentId,
      List<ExperimentCase> cases,
      ExperimentFunding.Held held) {
    SimulateCommand base = command.base();
    Experiment experiment =
        new Experiment(
            experimentId,
            base.caller(),
            base.fmuId().value(),
            command.sweep().method(),
            base.request(),
            cases.size(),
            held.perCase(),
            ExperimentStatus.QUEUED,
            command.callbackUrl(),
            clock.now(),
            Optional.empty(),
            Optional.empty());
    return store
        .create(experiment, cases)
        .onErrorResume(
            failure ->
                Flux.fromIterable(held.holds())
                    .concatMap(hold -> runs.release(new RunFunding.ByCredits(hold)))
                    .then(Mono.error(failure)))
        .then(queue.enqueue(cases))
        .then(views.view(experiment))
        .map(ExperimentOutcome.Accepted::new);
  }

  /** A case's bad start value is named where the caller wrote it. */
  private static InvalidInputException inSweep(InvalidInputException invalid, SweepMethod method) {
    Matcher m = VARIANT_FIELD.matcher(invalid.field());
    if (!m.matches()) {
      return invalid.field().startsWith("variants[")
          ? new InvalidInputException(
              "sweep",
              invalid.field().replaceFirst("^variants", "case") + ": " + invalid.getMessage())
          : invalid;
    }
    String field =
        method == SweepMethod.CASES
            ? "sweep.cases[" + m.group(1) + "].start_values." + m.group(2)
            : "sweep.parameters." + m.group(2);
    return new InvalidInputException(field, invalid.getMessage());
  }

  /** The same experiment asked again reuses its pending checkout. */
  private static String requestKey(
      StartExperimentCommand command, List<Map<String, Object>> variants) {
    String text =
        "experiment|"
            + command.base().fmuId().value()
            + "|"
            + command.base().request()
            + "|"
            + variants;
    return "experiment:" + UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
