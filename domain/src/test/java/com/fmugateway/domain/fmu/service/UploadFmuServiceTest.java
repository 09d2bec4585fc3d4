package com.fmugateway.domain.fmu.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.FakeInspector;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryFmuCatalog;
import com.fmugateway.domain.fixtures.InMemoryFmuStore;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import com.fmugateway.domain.fmu.model.UploadTooLargeException;
import com.fmugateway.domain.fmu.port.in.UploadFmuCommand;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class UploadFmuServiceTest {

  private final InMemoryFmuStore store = new InMemoryFmuStore();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final FakeInspector inspector = new FakeInspector(Models.allTypes());
  private final InMemoryFmuCatalog catalog = new InMemoryFmuCatalog();
  private final UploadFmuService service =
      new UploadFmuService(store, inspector, catalog, MutableClock.atEpochDay(), 100, audit);
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
