package com.fmugateway.domain.model.simulation;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.fmu.FmuArtifact;
import java.util.Objects;

/** One run for one account: the simulator must never let it share state with another account. */
public record SimulationJob(AccountId account, FmuArtifact fmu, SimulationPlan plan) {

  public SimulationJob {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(fmu, "fmu");
    Objects.requireNonNull(plan, "plan");
  }
}
