package com.fmugateway.domain.experiment.port.out;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.model.CaseCounts;
import com.fmugateway.domain.experiment.model.CaseSlice;
import com.fmugateway.domain.experiment.model.CaseStatus;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.experiment.model.ExperimentStatus;
import com.fmugateway.domain.experiment.model.NodeLoad;
import com.fmugateway.domain.shared.model.Page;
import com.fmugateway.domain.shared.model.PageRequest;
import com.fmugateway.domain.shared.model.Transition;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Role: keeps experiments and their cases. Every status change is a compare-and-set on a {@link
 * Transition} of the domain's table: it happens only if the row is still in {@code from}, and says
 * whether it did, so two nodes (or a node and a cancel) never both end one case.
 */
public interface ExperimentStore {

  /** Saves a new experiment and all its cases, in one step. */
  Mono<Void> create(Experiment experiment, java.util.List<ExperimentCase> cases);

  Mono<Experiment> experiment(UUID experimentId);

  /** The account's experiments, newest first. */
  Mono<Page<Experiment>> experiments(AccountId account, PageRequest page);

  /** How many of the account's experiments are queued or running. */
  Mono<Long> unfinished(AccountId account);

  Mono<CaseCounts> counts(UUID experimentId);

  /** The credits charged for the experiment's cases so far. */
  Mono<Long> charged(UUID experimentId);

  Mono<CaseSlice> cases(UUID experimentId, long offset, int limit);

  Mono<ExperimentCase> caseAt(UUID experimentId, int index);

  Mono<ExperimentCase> caseById(UUID caseId);

  /** The cases still queued or running. */
  Flux<ExperimentCase> unfinishedCases(UUID experimentId);

  /** Moves a case to {@code RUNNING} on {@code node}. */
  Mono<Boolean> start(UUID caseId, Transition<CaseStatus> move, String node, Instant at);

  /**
   * Moves a queued case to {@code RUNNING} on {@code node} only while {@code account} has fewer
   * than {@code cap} cases running; checks and moves of one account are serialized across nodes, so
   * the cap holds exactly. False when the case is not queued any more or the account is at its cap.
   */
  Mono<Boolean> startWithin(UUID caseId, AccountId account, int cap, String node, Instant at);

  /** Moves a case to its end, with why it failed and the KPIs it gave. */
  Mono<Boolean> end(
      UUID caseId,
      Transition<CaseStatus> move,
      Optional<String> failure,
      Map<String, Double> kpis,
      Instant at);

  /**
   * Records that a succeeded case has been charged {@code credits}; until then it counts as {@code
   * charging}. Recording again keeps the larger amount (a retry that found the hold already settled
   * reports 0).
   */
  Mono<Void> charge(UUID caseId, long credits);

  /** How many cases of every account are queued. */
  Mono<Long> queuedCases();

  /**
   * Per node that runs a case now or ended one since {@code since}: its running cases, and the
   * cases it moved to succeeded and to failed since then.
   */
  Flux<NodeLoad> nodeLoads(Instant since);

  /** Moves an experiment; {@code at} is its start or its end, as the move says. */
  Mono<Boolean> move(UUID experimentId, Transition<ExperimentStatus> move, Instant at);
}
