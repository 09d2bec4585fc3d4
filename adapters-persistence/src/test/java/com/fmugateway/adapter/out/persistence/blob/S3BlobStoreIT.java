package com.fmugateway.adapter.out.persistence.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.testing.LocalS3Server;
import com.fmugateway.domain.fixtures.BlobStoreContract;
import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.port.out.BlobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract against a local S3-compatible server (S3Proxy, in memory) through the AWS SDK. */
class S3BlobStoreIT extends BlobStoreContract {

  private static LocalS3Server server;
  private static S3Client client;
  private static S3BlobStore store;
  @TempDir static Path spool;

  @BeforeAll
  static void startServer() {
    server = LocalS3Server.start();
    client = S3Clients.create(server.settings("blobs"));
    store = new S3BlobStore(client, "blobs", spool);
    store.ensureBucket();
  }

  @AfterAll
  static void stopServer() {
    store.close();
    server.close();
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  @Test
  void aBlobIsOneObject_underItsKey_withItsHashInTheMetadata() {
    BlobKey key = newKey();

    String sha = store.put(key, chunks(randomBytes(1000, 21), 100)).block().sha256();

    assertThat(client.headObject(h -> h.bucket("blobs").key(key.value())).metadata())
        .containsEntry(S3BlobStore.SHA256_METADATA, sha);
  }

  @Test
  void refusedBytes_neverReachTheBucket_andTheSpoolIsLeftEmpty() throws Exception {
    BlobKey key = BlobKey.sha256(sha256(randomBytes(10, 22)));

    store
        .put(key, chunks(randomBytes(5000, 23), 500), key.value().substring(7))
        .onErrorComplete()
        .block();

    assertThat(client.listObjectsV2(l -> l.bucket("blobs").prefix(key.value())).keyCount())
        .isZero();
    try (var files = java.nio.file.Files.list(spool)) {
      assertThat(files).isEmpty();
    }
  }
}
