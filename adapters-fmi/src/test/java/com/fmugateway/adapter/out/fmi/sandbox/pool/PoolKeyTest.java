package com.fmugateway.adapter.out.fmi.sandbox.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import org.junit.jupiter.api.Test;

class PoolKeyTest {

  private static final SimulationPlan PLAN = Jobs.bouncingBall(FmuInterface.CO_SIMULATION);

  @Test
  void anUpload_isKeyedByAccountAndContent() {
    AccountId alice = AccountId.random();

    PoolKey key = PoolKey.of(Jobs.job(alice, Jobs.upload("BouncingBall"), PLAN));

    assertThat(key).isEqualTo(PoolKey.of(Jobs.job(alice, Jobs.upload("BouncingBall"), PLAN)));
    assertThat(key)
        .isNotEqualTo(PoolKey.of(Jobs.job(AccountId.random(), Jobs.upload("BouncingBall"), PLAN)));
  }

  @Test
  void aBuiltInModel_isKeyedByContentAlone() {
    PoolKey key = PoolKey.of(Jobs.job(AccountId.random(), Jobs.builtIn("BouncingBall"), PLAN));

    assertThat(key)
        .isEqualTo(PoolKey.of(Jobs.job(AccountId.random(), Jobs.builtIn("BouncingBall"), PLAN)));
    assertThat(key.account()).isEmpty();
  }
}
