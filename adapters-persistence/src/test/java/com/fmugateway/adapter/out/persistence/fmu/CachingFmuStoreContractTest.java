package com.fmugateway.adapter.out.persistence.fmu;

import com.fmugateway.domain.fixtures.FmuStoreContract;
import com.fmugateway.domain.fixtures.InMemoryBlobStore;
import com.fmugateway.domain.fmu.port.out.FmuStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class CachingFmuStoreContractTest extends FmuStoreContract {

  @TempDir Path root;
  private CachingFmuStore store;

  @BeforeEach
  void open() {
    store =
        CachingFmuStore.open(
            new InMemoryBlobStore(), root, 1 << 30, Duration.ofMinutes(10), java.time.Instant::now);
  }

  @Override
  protected FmuStore store() {
    return store;
  }

  @Override
  protected byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
