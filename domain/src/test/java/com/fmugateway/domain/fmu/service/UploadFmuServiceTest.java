package com.fmugateway.domain.fmu.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.FakeInspector;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryFmuCatalog;
import com.fmugateway.domain.fixtures.InMemoryFmuStore;
import com.fmugateway.domain.fixtures.InMemoryModelLibrary;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fmu.model.InspectionCache;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import com.fmugateway.domain.fmu.model.UploadTooLargeException;
import com.fmugateway.domain.fmu.port.in.UploadFmuCommand;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class UploadFmuServiceTest {

  private final InMemoryFmuStore store = new InMemoryFmuStore();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final FakeInspector inspector = new FakeInspector(Models.allTypes());
  private final InMemoryFmuCatalog catalog = new InMemoryFmuCatalog();
  private final InspectionCache inspections = new InspectionCache(16, 1L << 30);
  private final List<String> prepared = new ArrayList<>();
  private Mono<Void> preparation = Mono.empty();
  private final UploadFmuService service =
      new UploadFmuService(
          store,
          inspector,
          catalog,
          MutableClock.atEpochDay(),
          100,
          audit,
          (account, fmu) -> {
            prepared.add(account + " " + fmu.id().value());
            return preparation;
          },
          inspections);
  private final AccountId owner = AccountId.random();

  @Test
  void upload_keepsTheBytesAndRecordsTheModel() {
    ResolvedFmu uploaded = service.upload(command(owner, "fmu-bytes")).block();

    assertThat(uploaded.upload()).isPresent();
    assertThat(uploaded.upload().get().modelName()).isEqualTo("AllTypes");
    assertThat(uploaded.upload().get().sizeBytes()).isEqualTo(9);
    assertThat(store.keptCount()).isEqualTo(1);
    assertThat(store.stagedCount()).isZero();
    assertThat(audit.actions()).containsExactly("fmu.uploaded");
  }

  @Test
  void sameBytesTwiceFromOneAccount_giveTheSameRecord() {
    ResolvedFmu first = service.upload(command(owner, "same")).block();
    ResolvedFmu second = service.upload(command(owner, "same")).block();

    assertThat(second.artifact().id()).isEqualTo(first.artifact().id());
    assertThat(store.keptCount()).isEqualTo(1);
  }

  @Test
  void upload_answersOnceTheOwnersFirstRunIsPrepared() {
    Sinks.Empty<Void> ready = Sinks.empty();
    preparation = ready.asMono();

    StepVerifier.create(service.upload(command(owner, "fmu-bytes")))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(50))
        .then(ready::tryEmitEmpty)
        .assertNext(
            uploaded ->
                assertThat(prepared)
                    .containsExactly(owner + " " + uploaded.artifact().id().value()))
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void aPreparationThatFails_doesNotFailTheUpload() {
    preparation = Mono.error(new IllegalStateException("no worker"));

    ResolvedFmu uploaded = service.upload(command(owner, "fmu-bytes")).block();

    assertThat(uploaded.upload()).isPresent();
    assertThat(prepared).hasSize(1);
  }

  @Test
  void aPreparationThatTakesLong_delaysTheAnswerByThePrepareWaitAtMost() {
    preparation = Mono.never();

    StepVerifier.withVirtualTime(() -> service.upload(command(owner, "fmu-bytes")))
        .expectSubscription()
        .expectNoEvent(UploadFmuService.PREPARE_WAIT.minusMillis(1))
        .thenAwait(Duration.ofMillis(1))
        .assertNext(uploaded -> assertThat(uploaded.upload()).isPresent())
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void anUploadsInspection_isKept_soThatItsRunsNeedNotInspectItAgain() {
    ResolvedFmu uploaded = service.upload(command(owner, "fmu-bytes")).block();
    FmuQueryService queries =
        new FmuQueryService(new InMemoryModelLibrary(), catalog, store, inspector, inspections);

    ResolvedFmu found = queries.fmu(owner, uploaded.artifact().id()).block();
    queries.fmu(owner, uploaded.artifact().id()).block();

    assertThat(found.description()).isEqualTo(uploaded.description());
    assertThat(inspector.inspections()).isEqualTo(1);
  }

  @Test
  void invalidArchive_isNeitherKeptNorPrepared() {
    inspector.rejectWith("not a zip archive");

    StepVerifier.create(service.upload(command(owner, "junk")))
        .expectError(InvalidFmuException.class)
        .verify();
    assertThat(prepared).isEmpty();
  }

  @Test
  void invalidArchive_isRejectedAndLeavesNothingBehind() {
    inspector.rejectWith("not a zip archive");

    StepVerifier.create(service.upload(command(owner, "junk")))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(InvalidFmuException.class)
                    .hasMessage("not a zip archive"))
        .verify();
    assertThat(store.keptCount()).isZero();
    assertThat(store.stagedCount()).isZero();
    assertThat(store.discardedCount()).isEqualTo(1);
    StepVerifier.create(catalog.list(owner)).verifyComplete();
  }

  @Test
  void uploadOverTheCap_isRejected() {
    StepVerifier.create(service.upload(command(owner, "x".repeat(101))))
        .expectError(UploadTooLargeException.class)
        .verify();
    assertThat(store.keptCount()).isZero();
  }

  private static UploadFmuCommand command(AccountId owner, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    int half = bytes.length / 2;
    return new UploadFmuCommand(
        owner,
        Flux.just(
            ByteBuffer.wrap(bytes, 0, half), ByteBuffer.wrap(bytes, half, bytes.length - half)));
  }
}
