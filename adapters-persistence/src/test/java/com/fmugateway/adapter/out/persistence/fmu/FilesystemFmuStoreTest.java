package com.fmugateway.adapter.out.persistence.fmu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fmu.model.StagedFmu;
import com.fmugateway.domain.fmu.model.UploadTooLargeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class FilesystemFmuStoreTest {

  @TempDir Path root;

  @Test
  void stageThenKeep_storesTheBytesUnderTheirHash() throws Exception {
    FilesystemFmuStore store = new FilesystemFmuStore(root);
    byte[] bytes = "hello fmu".getBytes(StandardCharsets.UTF_8);

    StagedFmu staged = store.stage(chunks(bytes, 3), 1000).block();
    Path kept = store.keep(staged).block();

    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(staged.sha256().hex()).isEqualTo(expected);
    assertThat(staged.sizeBytes()).isEqualTo(bytes.length);
    assertThat(kept).hasFileName(expected + ".fmu").hasBinaryContent(bytes);
    assertThat(store.locate(staged.sha256()).block()).isEqualTo(kept);
    assertThat(stagingFiles()).isEmpty();
  }

  @Test
  void keepingTheSameBytesTwice_keepsOneFileAndNoStagingLeftovers() throws Exception {
    FilesystemFmuStore store = new FilesystemFmuStore(root);
    byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);

    Path first = store.keep(store.stage(chunks(bytes, 2), 100).block()).block();
    Path second = store.keep(store.stage(chunks(bytes, 1), 100).block()).block();

    assertThat(second).isEqualTo(first);
    assertThat(stagingFiles()).isEmpty();
  }

  @Test
  void uploadPastTheCap_failsAndLeavesNothing() throws Exception {
    FilesystemFmuStore store = new FilesystemFmuStore(root);

    StepVerifier.create(store.stage(chunks(new byte[5000], 1000), 4096))
        .expectError(UploadTooLargeException.class)
        .verify();

    assertThat(stagingFiles()).isEmpty();
  }

  @Test
  void failedUploadStream_leavesNothing() throws Exception {
    FilesystemFmuStore store = new FilesystemFmuStore(root);
    Flux<ByteBuffer> broken =
        Flux.concat(chunks(new byte[100], 10), Flux.error(new IOException("client went away")));

    StepVerifier.create(store.stage(broken, 4096)).expectError(IOException.class).verify();

    assertThat(stagingFiles()).isEmpty();
  }

  @Test
  void discard_deletesAStagedUpload() throws Exception {
    FilesystemFmuStore store = new FilesystemFmuStore(root);
    StagedFmu staged = store.stage(chunks(new byte[10], 5), 100).block();

    store.discard(staged).block();

    assertThat(staged.file()).doesNotExist();
    assertThat(store.locate(staged.sha256()).block()).isNull();
  }

  private Flux<ByteBuffer> chunks(byte[] bytes, int size) {
    return Flux.range(0, (bytes.length + size - 1) / size)
        .map(i -> ByteBuffer.wrap(bytes, i * size, Math.min(size, bytes.length - i * size)));
  }

  private java.util.List<Path> stagingFiles() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(".staging"))) {
      return files.toList();
    }
  }
}
