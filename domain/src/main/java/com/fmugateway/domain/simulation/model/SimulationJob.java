package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import java.util.Objects;

/** One run for one account: the simulator must never let it share state with another account. */
public record SimulationJob(AccountId account, FmuArtifact fmu, SimulationPlan plan) {

  public SimulationJob {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(fmu, "fmu");
    Objects.requireNonNull(plan, "plan");
  }
}
