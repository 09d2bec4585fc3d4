package com.fmugateway.domain.fmu.port.out;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import reactor.core.publisher.Mono;

/**
 * Role: gets ready to run a newly uploaded FMU for its owner before the first run is asked for
 * (loading it where it will run), so that the first run is not the slow one. Best effort: it
 * completes, never with an error, once ready or once it has let it be; cancelling stops the
 * waiting, not the preparation.
 */
public interface RunPreparation {

  Mono<Void> prepare(AccountId owner, FmuArtifact fmu);

  /** For simulators that have nothing to prepare. */
  static RunPreparation none() {
    return (owner, fmu) -> Mono.empty();
  }
}
