package com.fmugateway.adapter.out.fmi.sandbox.pool;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.simulation.model.SimulationJob;
import java.util.Objects;
import java.util.Optional;

/**
 * Which runs may share a worker: one account's runs of one FMU, since an uploaded FMU is code that
 * could keep state between runs; or anyone's runs of a built-in model, which is our own code.
 *
 * @param account empty for built-in models
 */
public record PoolKey(Optional<AccountId> account, Sha256 fmu) {

  public PoolKey {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(fmu, "fmu");
  }

  public static PoolKey of(SimulationJob job) {
    Optional<AccountId> account =
        job.fmu().builtIn() ? Optional.empty() : Optional.of(job.account());
    return new PoolKey(account, job.fmu().sha256());
  }

  @Override
  public String toString() {
    return account.map(AccountId::toString).orElse("library") + "/" + fmu.hex().substring(0, 12);
  }
}
