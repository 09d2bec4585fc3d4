package com.fmugateway.adapter.out.persistence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.experiment.model.CallbackDelivery;
import com.fmugateway.domain.experiment.model.CaseRun;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

/** Cases queued on db-scheduler are run once each, and a later experiment is not held back. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class DbSchedulerCaseQueueIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  private static final DbSchedulerCaseWorker.Settings ONE_THREAD =
      new DbSchedulerCaseWorker.Settings(
          1,
          Duration.ofMillis(100),
          Duration.ofSeconds(5),
          4,
          Duration.ofMillis(200),
          1,
          Duration.ofSeconds(1));

  @Autowired DbSchedulerCaseQueue queue;
  @Autowired HikariDataSource jobs;

  @Test
  void everyQueuedCase_runsOnce_andASmallLaterExperimentIsInterleavedWithALargeOne()
      throws InterruptedException {
    List<ExperimentCase> large = cases(20);
    List<ExperimentCase> small = cases(3);
    List<ExperimentCase> withdrawn = cases(2);
    queue.enqueue(large).block();
    queue.enqueue(small).block();
    queue.enqueue(withdrawn).block();
    queue.enqueue(small).block(); // queueing again queues once
    queue.withdraw(withdrawn.stream().map(ExperimentCase::id).toList()).block();
    List<UUID> ran = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch all = new CountDownLatch(large.size() + small.size());

    try (DbSchedulerCaseWorker worker =
        new DbSchedulerCaseWorker(
            jobs,
            caseId ->
                Mono.fromCallable(
                    () -> {
                      ran.add(caseId);
                      all.countDown();
                      return CaseRun.RAN;
                    }),
            experimentId -> Mono.just(CallbackDelivery.NOT_WANTED),
            "node-test",
            ONE_THREAD)) {
      worker.start();
      assertThat(all.await(60, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(ran).doesNotHaveDuplicates().hasSize(large.size() + small.size());
    assertThat(ran)
        .doesNotContainAnyElementsOf(withdrawn.stream().map(ExperimentCase::id).toList());
    int lastSmall = small.stream().mapToInt(c -> ran.indexOf(c.id())).max().orElseThrow();
    int fifthLarge = ran.indexOf(large.get(5).id());
    assertThat(lastSmall).isLessThan(fifthLarge);
  }

  private static List<ExperimentCase> cases(int n) {
    UUID experiment = UUID.randomUUID();
    List<ExperimentCase> cases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cases.add(ExperimentCase.queued(experiment, i, Map.of()));
    }
    return cases;
  }
}
