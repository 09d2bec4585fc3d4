package com.fmugateway.adapter.out.persistence.fmu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fixtures.InMemoryBlobStore;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.fmu.model.StagedFmu;
import com.fmugateway.domain.fmu.model.UploadTooLargeException;
import com.fmugateway.domain.shared.model.BlobIntegrityException;
import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.model.StoreUnavailableException;
import com.fmugateway.domain.shared.model.StoredBlob;
import com.fmugateway.domain.shared.port.out.BlobStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CachingFmuStoreTest {

  @TempDir Path first;
  @TempDir Path second;
  private final InMemoryBlobStore shared = new InMemoryBlobStore();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private CachingFmuStore node(Path dir, long cacheBytes) {
    return CachingFmuStore.open(shared, dir, cacheBytes, Duration.ofMinutes(10), clock);
  }

  @Test
  void anArchiveKeptOnOneNode_isLocatedOnAnother_fromTheSharedStore() throws Exception {
    byte[] bytes = randomBytes(50_000, 1);
    StagedFmu staged = node(first, 1 << 20).stage(chunks(bytes, 4096), 1 << 20).block();
    node(first, 1 << 20).keep(staged).block();

    Path located = node(second, 1 << 20).locate(staged.sha256()).block();

    assertThat(located).startsWith(second).hasBinaryContent(bytes);
    assertThat(shared.find(BlobKey.sha256(staged.sha256().hex())).block()).isNotNull();
  }

  @Test
  void stageThenKeep_leavesNoStagingLeftovers() throws Exception {
    CachingFmuStore store = node(first, 1 << 20);
    byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);

    Path once = store.keep(store.stage(chunks(bytes, 2), 100).block()).block();
    Path twice = store.keep(store.stage(chunks(bytes, 1), 100).block()).block();

    assertThat(twice).isEqualTo(once).hasBinaryContent(bytes);
    assertThat(stagingFiles(first)).isEmpty();
  }

  @Test
  void uploadPastTheCap_orABrokenStream_leavesNothing() throws Exception {
    CachingFmuStore store = node(first, 1 << 20);
    Flux<ByteBuffer> broken =
        Flux.concat(chunks(new byte[100], 10), Flux.error(new IOException("client went away")));

    StepVerifier.create(store.stage(chunks(new byte[5000], 1000), 4096))
        .expectError(UploadTooLargeException.class)
        .verify();
    StepVerifier.create(store.stage(broken, 4096)).expectError(IOException.class).verify();

    assertThat(stagingFiles(first)).isEmpty();
    assertThat(shared.count()).isZero();
  }

  @Test
  void anUploadTheSharedStoreCannotTake_failsAndLeavesNothing() throws Exception {
    BlobStore down =
        new BlobStore() {
          @Override
          public Mono<StoredBlob> put(BlobKey key, Flux<ByteBuffer> content) {
            return Mono.error(new StoreUnavailableException("down", new IOException("refused")));
          }

          @Override
          public Mono<StoredBlob> put(BlobKey key, Flux<ByteBuffer> content, String sha) {
            return put(key, content);
          }

          @Override
          public Flux<ByteBuffer> get(BlobKey key) {
            return Flux.empty();
          }

          @Override
          public Mono<StoredBlob> find(BlobKey key) {
            return Mono.empty();
          }
        };
    CachingFmuStore store =
        CachingFmuStore.open(down, first, 1 << 20, Duration.ofMinutes(10), clock);
    StagedFmu staged = store.stage(chunks(randomBytes(100, 10), 10), 1000).block();

    StepVerifier.create(store.keep(staged)).expectError(StoreUnavailableException.class).verify();

    assertThat(stagingFiles(first)).isEmpty();
    assertThat(cached(first)).isEmpty();
  }

  @Test
  void pastItsLimit_theCacheEvictsTheLeastRecentlyUsedArchive_notOneInUse() throws Exception {
    byte[] a = randomBytes(400, 2);
    byte[] b = randomBytes(400, 3);
    byte[] c = randomBytes(400, 4);
    Sha256 shaA = keepOn(first, a);
    Sha256 shaB = keepOn(first, b);
    clock.advance(Duration.ofMinutes(11));
    CachingFmuStore store = node(second, 1000);
    store.locate(shaA).block();
    store.locate(shaB).block();
    clock.advance(Duration.ofMinutes(11));
    store.locate(shaA).block(); // A is used again: B is now the least recently used
    Sha256 shaC = keepOn(first, c);

    Path locatedC = store.locate(shaC).block();

    assertThat(cached(second)).containsExactlyInAnyOrder(shaA.hex(), shaC.hex());
    assertThat(locatedC).hasBinaryContent(c);
    assertThat(store.locate(shaB).block()).hasBinaryContent(b); // fetched again on demand
  }

  @Test
  void archivesUsedWithinTheInUseWindow_stayEvenPastTheLimit() {
    Sha256 shaA = keepOn(first, randomBytes(600, 5));
    Sha256 shaB = keepOn(first, randomBytes(600, 6));
    CachingFmuStore store = node(second, 1000);

    store.locate(shaA).block();
    store.locate(shaB).block();

    assertThat(cached(second)).containsExactlyInAnyOrder(shaA.hex(), shaB.hex());
  }

  @Test
  void anArchiveInTheSharedStoreWithOtherBytes_isRefused_andNotCached() throws Exception {
    byte[] bytes = randomBytes(1000, 7);
    Sha256 claimed = sha256(randomBytes(10, 8));
    // A store that lost integrity (or a bug) hands out other bytes under the content address.
    shared.put(BlobKey.sha256(claimed.hex()), chunks(bytes, 100)).block();

    StepVerifier.create(node(second, 1 << 20).locate(claimed))
        .expectError(BlobIntegrityException.class)
        .verify();

    assertThat(cached(second)).isEmpty();
    assertThat(stagingFiles(second)).isEmpty();
  }

  @Test
  void anArchiveNowhere_isNotFound() {
    StepVerifier.create(node(second, 1 << 20).locate(sha256(randomBytes(10, 9)))).verifyComplete();
  }

  private Sha256 keepOn(Path dir, byte[] bytes) {
    CachingFmuStore store = node(dir, 1 << 30);
    StagedFmu staged = store.stage(chunks(bytes, 128), 1 << 20).block();
    store.keep(staged).block();
    return staged.sha256();
  }

  static List<String> cached(Path root) {
    try (Stream<Path> files = Files.walk(root, 2)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".fmu"))
          .map(n -> n.substring(0, 64))
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Flux<ByteBuffer> chunks(byte[] bytes, int size) {
    return Flux.range(0, (bytes.length + size - 1) / size)
        .map(i -> ByteBuffer.wrap(bytes, i * size, Math.min(size, bytes.length - i * size)));
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static Sha256 sha256(byte[] bytes) {
    try {
      return new Sha256(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> stagingFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(".staging"))) {
      return files.toList();
    }
  }
}
