package com.fmugateway.adapter.out.persistence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.blob.S3BlobStore;
import com.fmugateway.adapter.out.persistence.blob.S3Clients;
import com.fmugateway.adapter.out.persistence.testing.LocalS3Server;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.fixtures.ExperimentStoreContract;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.port.out.BlobStore;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Provenance;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Case results on each shared store: PostgreSQL (this context's default) and a local S3 server. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class BlobCaseResultsIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  enum Storage {
    POSTGRES,
    S3
  }

  private static LocalS3Server server;
  private static S3BlobStore s3;
  @TempDir static Path spool;

  @Autowired BlobStore postgres;
  @Autowired DatabaseClient db;
  @Autowired R2dbcExperimentStore experiments;
  @Autowired R2dbcAccounts accounts;

  @BeforeAll
  static void startServer() {
    server = LocalS3Server.start();
    s3 = new S3BlobStore(S3Clients.create(server.settings("results")), "results", spool);
    s3.ensureBucket();
  }

  @AfterAll
  static void stopServer() {
    s3.close();
    server.close();
  }

  private BlobStore blobs(Storage storage) {
    return storage == Storage.S3 ? s3 : postgres;
  }

  private BlobCaseResults results(Storage storage) {
    return new BlobCaseResults(blobs(storage), db);
  }

  @ParameterizedTest
  @EnumSource(Storage.class)
  void aStoredResult_isABlob_andReadsBackExactly_nonFiniteValuesIncluded(Storage storage) {
    UUID caseId = UUID.randomUUID();
    SimulationReport stored = report(1.0);

    results(storage).store(caseId, stored).block();

    assertSame(results(storage).result(caseId).block(), stored);
    assertThat(blobs(storage).exists(BlobKey.of("results/cases/" + caseId)).block()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Storage.class)
  void storingACaseTwice_succeeds_andKeepsTheFirstResult(Storage storage) {
    UUID caseId = UUID.randomUUID();
    SimulationReport first = report(1.0);

    results(storage).store(caseId, first).block();
    results(storage).store(caseId, report(2.0)).block();

    assertSame(results(storage).result(caseId).block(), first);
  }

  @ParameterizedTest
  @EnumSource(Storage.class)
  void anUnknownCase_hasNoResult(Storage storage) {
    assertThat(results(storage).result(UUID.randomUUID()).blockOptional()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Storage.class)
  void aResultStoredInTheTableBeforeTheSharedStore_isStillRead(Storage storage) {
    Experiment experiment =
        ExperimentStoreContract.experiment(TestAccounts.create(accounts), Instant.now(), 1);
    ExperimentCase c = ExperimentStoreContract.cases(experiment, 1).get(0);
    experiments.create(experiment, List.of(c)).block();
    SimulationReport legacy = report(3.0);
    db.sql("INSERT INTO case_results (case_id, report) VALUES (:id, :report)")
        .bind("id", c.id())
        .bind("report", ByteBuffer.wrap(CaseReportCodec.write(legacy)))
        .then()
        .block();

    assertSame(results(storage).result(c.id()).block(), legacy);
  }

  private static void assertSame(SimulationReport read, SimulationReport expected) {
    assertThat(read.result()).isEqualTo(expected.result());
    assertThat(read.result().fmuLog()).isEqualTo(expected.result().fmuLog());
    assertThat(read.kpis()).isEqualTo(expected.kpis());
    assertThat(read.provenance()).isEqualTo(expected.provenance());
    assertThat(read.runId()).isEqualTo(expected.runId());
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
            List.of("log line"),
            Map.of(),
            Optional.empty(),
            Set.of());
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
            3,
            Optional.empty()),
        10,
        10,
        Optional.empty(),
        Optional.empty());
  }
}
