package com.fmugateway.adapter.out.persistence.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.fixtures.BlobStoreContract;
import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.port.out.BlobStore;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcBlobStoreIT extends BlobStoreContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired BlobStore store;
  @Autowired DatabaseClient db;

  @Override
  protected BlobStore store() {
    return store;
  }

  @Test
  void theDefaultStore_isPostgres_inChunksOfOneMebibyte() {
    BlobKey key = newKey();

    store.put(key, generated(2 * 1024 * 1024 + 1, 100_000, 11)).block();

    assertThat(store).isInstanceOf(R2dbcBlobStore.class);
    assertThat(
            db.sql(
                    "SELECT count(*) AS n, max(length(data)) AS widest FROM blob_chunks c"
                        + " JOIN blobs b USING (upload_id) WHERE b.key = :key")
                .bind("key", key.value())
                .map(row -> row.get("n", Long.class) + "/" + row.get("widest", Integer.class))
                .one()
                .block())
        .isEqualTo("3/" + (1024 * 1024));
  }

  @Test
  void anUploadThatFailed_leavesNoChunksBehind() {
    Flux<java.nio.ByteBuffer> broken =
        Flux.concat(generated(3 * 1024 * 1024, 64 * 1024, 12), Flux.error(new IOException("gone")));
    long before = chunkCount();

    StepVerifier.create(store.put(newKey(), broken)).expectError(IOException.class).verify();

    assertThat(chunkCount()).isEqualTo(before);
    assertThat(((R2dbcBlobStore) store).purgeAbandoned(Duration.ZERO).block()).isZero();
  }

  private long chunkCount() {
    return db.sql("SELECT count(*) AS n FROM blob_chunks")
        .map(row -> row.get("n", Long.class))
        .one()
        .block();
  }
}
