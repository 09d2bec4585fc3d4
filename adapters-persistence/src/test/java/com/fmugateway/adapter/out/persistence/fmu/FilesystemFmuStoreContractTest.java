package com.fmugateway.adapter.out.persistence.fmu;

import com.fmugateway.domain.fixtures.FmuStoreContract;
import com.fmugateway.domain.fmu.port.out.FmuStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class FilesystemFmuStoreContractTest extends FmuStoreContract {

  @TempDir Path root;
  private FilesystemFmuStore store;

  @BeforeEach
  void open() {
    store = new FilesystemFmuStore(root);
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
