package com.fmugateway.adapter.out.persistence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.fixtures.ExperimentStoreContract;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Provenance;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcCaseResultsIT extends ExperimentStoreContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcExperimentStore store;
  @Autowired R2dbcCaseResults results;
  @Autowired R2dbcAccounts accounts;

  @Override
  protected com.fmugateway.domain.account.model.AccountId newAccount() {
    return TestAccounts.create(accounts);
  }

  @Override
  protected com.fmugateway.domain.experiment.port.out.ExperimentStore store() {
    return store;
  }

  @Test
  void aStoredResult_readsBackExactly_nonFiniteValuesIncluded_andStoringAgainReplacesIt() {
    Experiment experiment = experiment(newAccount(), Instant.now(), 1);
    ExperimentCase c = cases(experiment, 1).get(0);
    store.create(experiment, List.of(c)).block();
    SimulationReport first = report(1.0);
    SimulationReport second = report(2.0);

    results.store(c.id(), first).block();
    results.store(c.id(), second).block();
    SimulationReport read = results.result(c.id()).block();

    assertThat(read.result()).isEqualTo(second.result());
    assertThat(read.result().fmuLog()).isEqualTo(second.result().fmuLog());
    assertThat(read.kpis()).isEqualTo(second.kpis());
    assertThat(read.provenance()).isEqualTo(second.provenance());
    assertThat(read.runId()).isEqualTo(second.runId());
    assertThat(results.result(UUID.randomUUID()).blockOptional()).isEmpty();
  }

  private static SimulationReport report(double scale) {
    SimulationResult result =
        new SimulationResult(
            new double[] {0, 0.5, 1},
            List.of(
                new Column.Real("h", new double[] {scale, Double.NaN, Double.POSITIVE_INFINITY}),
                new Column.Integer("n", new int[] {1, 2, 3}),
                new Column.Bool("b", new boolean[] {true, false, true}),
                new Column.Text("s", List.of("a", "é", "c"))),
            42,
            3,
            Duration.ofMillis(12),
            List.of("log line"));
    Map<String, Double> kpis = new LinkedHashMap<>();
    kpis.put("h_max", scale);
    kpis.put("h_final", Double.NaN);
    return new SimulationReport(
        UUID.randomUUID(),
        new FmuId("lib:BouncingBall"),
        result,
        kpis,
        new Provenance(
            new Sha256("a".repeat(64)),
            "2.0",
            FmuInterface.MODEL_EXCHANGE,
            Optional.of(new Solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8, OptionalDouble.empty())),
            "test",
            Duration.ofMillis(20),
            Duration.ofMillis(12),
            42,
            3),
        10,
        10,
        Optional.empty(),
        Optional.empty());
  }
}
