package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class WithoutBubblewrapIT {

  private static final SandboxHost NO_BUBBLEWRAP = SandboxHost.detect().withoutBubblewrap();

  @TempDir Path workDir;

  private final Logger log = (Logger) LoggerFactory.getLogger(SandboxedSimulator.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    log.detachAppender(logged);
  }

  @Test
  void givenBubblewrapIsRequired_startingWithoutItFails() {
    assertThatThrownBy(
            () -> new SandboxedSimulator(Settings.in(workDir).build(), f -> {}, NO_BUBBLEWRAP))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bubblewrap (bwrap) is not installed")
        .hasMessageContaining("requireBubblewrap=false");
  }

  @Test
  void givenBubblewrapIsOptional_runsWorkWithLimitsAndAnEmptyEnvironment_afterALoudWarning() {
    FmuArtifact fmu = Jobs.builtIn("BouncingBall");
    SimulationPlan plan = Jobs.bouncingBall(FmuInterface.MODEL_EXCHANGE);
    SandboxSettings settings = Settings.in(workDir).bubblewrapOptional().build();

    try (SandboxedSimulator simulator = new SandboxedSimulator(settings, f -> {}, NO_BUBBLEWRAP)) {
      SimulationResult result =
          simulator.simulate(Jobs.job(AccountId.random(), fmu, plan)).block(Workers.WAIT);

      assertThat(result).isEqualTo(InProcess.run(fmu.archive(), fmu.description(), plan));
      assertThat(simulator.status().bubblewrap()).isFalse();
      long jvm = Workers.jvmPid(Workers.only(simulator));
      assertThat(Workers.environment(jvm))
          .containsExactlyInAnyOrder("PATH=/usr/bin:/bin", "LANG=C.UTF-8");
      assertThat(Workers.line(Workers.proc(jvm, "limits"), "Max address space"))
          .contains(" " + settings.addressSpaceBytes() + " ");
      assertThat(Workers.line(Workers.proc(jvm, "limits"), "Max processes"))
          .contains(" " + settings.maxProcesses() + " ");
    }
    assertThat(logged.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .asString()
        .startsWith("FMUs run WITHOUT isolation: bubblewrap (bwrap) is not installed.")
        .contains("Install bubblewrap");
  }
}
