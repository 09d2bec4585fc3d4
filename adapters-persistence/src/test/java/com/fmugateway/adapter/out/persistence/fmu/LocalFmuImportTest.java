package com.fmugateway.adapter.out.persistence.fmu;

import static com.fmugateway.adapter.out.persistence.fmu.CachingFmuStoreTest.randomBytes;
import static com.fmugateway.adapter.out.persistence.fmu.CachingFmuStoreTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fixtures.InMemoryBlobStore;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.shared.model.BlobKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFmuImportTest {

  @TempDir Path legacy;
  @TempDir Path other;
  private final InMemoryBlobStore shared = new InMemoryBlobStore();

  @Test
  void archivesInTheOldUploadFolder_areMigratedOnce_verifiedByTheirHash() throws Exception {
    byte[] good = randomBytes(3000, 1);
    byte[] alsoGood = randomBytes(5000, 2);
    Path goodFile = oldUpload(sha256(good), good);
    oldUpload(sha256(alsoGood), alsoGood);
    Sha256 claimed = sha256(randomBytes(10, 3));
    Path corrupt = oldUpload(claimed, randomBytes(700, 4));

    LocalFmuImport.Report first = open(legacy).localImport().run().block();
    LocalFmuImport.Report again = open(legacy).localImport().run().block();

    assertThat(first).isEqualTo(new LocalFmuImport.Report(2, 0, 1));
    assertThat(again).isEqualTo(new LocalFmuImport.Report(0, 2, 0));
    assertThat(shared.count()).isEqualTo(2);
    assertThat(shared.find(BlobKey.sha256(claimed.hex())).block()).isNull();
    assertThat(corrupt).doesNotExist();
    assertThat(corrupt.resolveSibling(corrupt.getFileName() + ".corrupt")).exists();
    assertThat(goodFile).hasBinaryContent(good);
    assertThat(open(other).locate(sha256(good)).block()).hasBinaryContent(good);
  }

  private CachingFmuStore open(Path dir) {
    return CachingFmuStore.open(shared, dir, 1 << 30, Duration.ofMinutes(10), Instant::now);
  }

  /** Where the gateway kept an upload before the shared store: {@code <aa>/<sha>.fmu}. */
  private Path oldUpload(Sha256 sha, byte[] bytes) throws Exception {
    Path file = legacy.resolve(sha.hex().substring(0, 2)).resolve(sha.hex() + ".fmu");
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }
}
