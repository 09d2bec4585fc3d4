package com.fmugateway.adapter.out.persistence.blob;

import com.fmugateway.domain.shared.model.BlobIntegrityException;
import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.model.StoredBlob;
import com.fmugateway.domain.shared.port.out.BlobStore;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Blobs in PostgreSQL, as rows of ~1 MiB {@code bytea} chunks: an upload is written chunk by chunk
 * under an id of its own and becomes the key's blob in one insert once complete and verified; a
 * download reads one chunk per query, as it is asked for. No blob is ever held whole in memory.
 */
public final class R2dbcBlobStore implements BlobStore {

  static final int CHUNK_SIZE = 1024 * 1024;

  private final DatabaseClient db;
  private final int chunkSize;

  public R2dbcBlobStore(DatabaseClient db) {
    this(db, CHUNK_SIZE);
  }

  R2dbcBlobStore(DatabaseClient db, int chunkSize) {
    this.db = db;
    this.chunkSize = chunkSize;
  }

  @Override
  public Mono<StoredBlob> put(BlobKey key, Flux<ByteBuffer> content) {
    return find(key).switchIfEmpty(Mono.defer(() -> upload(key, content, null)));
  }

  @Override
  public Mono<StoredBlob> put(BlobKey key, Flux<ByteBuffer> content, String expectedSha256) {
    return find(key).switchIfEmpty(Mono.defer(() -> upload(key, content, expectedSha256)));
  }

  private Mono<StoredBlob> upload(BlobKey key, Flux<ByteBuffer> content, String expected) {
    return Mono.usingWhen(
        begin(),
        id -> writeChunks(id, key, content, expected),
        id -> Mono.empty(),
        (id, error) -> abandon(id),
        this::abandon);
  }

  private Mono<UUID> begin() {
    UUID id = UUID.randomUUID();
    return db.sql("INSERT INTO blob_uploads (upload_id) VALUES (:id)")
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .thenReturn(id);
  }

  private Mono<StoredBlob> writeChunks(
      UUID id, BlobKey key, Flux<ByteBuffer> content, String expected) {
    Rechunker rechunker = new Rechunker(chunkSize);
    AtomicInteger seq = new AtomicInteger();
    return rechunker
        .chunks(content)
        .concatMap(chunk -> insertChunk(id, seq.getAndIncrement(), chunk), 1)
        .then(
            Mono.defer(
                () -> {
                  String sha = rechunker.sha256();
                  if (expected != null && !expected.equals(sha)) {
                    return Mono.error(new BlobIntegrityException(key, expected, sha));
                  }
                  return publish(id, new StoredBlob(key, sha, rechunker.total()), seq.get());
                }));
  }

  private Mono<Long> insertChunk(UUID id, int seq, byte[] chunk) {
    return db.sql("INSERT INTO blob_chunks (upload_id, seq, data) VALUES (:id, :seq, :data)")
        .bind("id", id)
        .bind("seq", seq)
        .bind("data", ByteBuffer.wrap(chunk))
        .fetch()
        .rowsUpdated();
  }

  /** The first complete upload of a key wins; a later one gives its chunks up. */
  private Mono<StoredBlob> publish(UUID id, StoredBlob blob, int chunks) {
    Mono<StoredBlob> inserted =
        db.sql(
                "INSERT INTO blobs (key, upload_id, sha256, size_bytes, chunk_count)"
                    + " VALUES (:key, :id, :sha, :size, :chunks)"
                    + " ON CONFLICT (key) DO NOTHING RETURNING key")
            .bind("key", blob.key().value())
            .bind("id", id)
            .bind("sha", blob.sha256())
            .bind("size", blob.sizeBytes())
            .bind("chunks", chunks)
            .map(row -> blob)
            .one();
    return inserted.switchIfEmpty(abandon(id).then(find(blob.key())));
  }

  private Mono<Void> abandon(UUID id) {
    return db.sql(
            "DELETE FROM blob_uploads u WHERE upload_id = :id"
                + " AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.upload_id = u.upload_id)")
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .then();
  }

  @Override
  public Flux<ByteBuffer> get(BlobKey key) {
    return db.sql("SELECT upload_id, chunk_count FROM blobs WHERE key = :key")
        .bind("key", key.value())
        .map(
            row ->
                new Located(
                    row.get("upload_id", UUID.class), row.get("chunk_count", Integer.class)))
        .one()
        .flatMapMany(
            located ->
                Flux.range(0, located.chunks()).concatMap(seq -> chunk(located.id(), seq), 1));
  }

  private record Located(UUID id, int chunks) {}

  private Mono<ByteBuffer> chunk(UUID id, int seq) {
    return db.sql("SELECT data FROM blob_chunks WHERE upload_id = :id AND seq = :seq")
        .bind("id", id)
        .bind("seq", seq)
        .map(row -> row.get("data", ByteBuffer.class))
        .one()
        .switchIfEmpty(
            Mono.error(() -> new IllegalStateException("chunk " + seq + " of a blob is missing")));
  }

  @Override
  public Mono<StoredBlob> find(BlobKey key) {
    return db.sql("SELECT sha256, size_bytes FROM blobs WHERE key = :key")
        .bind("key", key.value())
        .map(row -> toBlob(key, row))
        .one();
  }

  private static StoredBlob toBlob(BlobKey key, Readable row) {
    return new StoredBlob(key, row.get("sha256", String.class), row.get("size_bytes", Long.class));
  }

  /** Deletes the chunks of uploads that never completed (a node died mid-way) after {@code age}. */
  public Mono<Long> purgeAbandoned(Duration age) {
    return db.sql(
            "DELETE FROM blob_uploads u WHERE started_at < now() - make_interval(secs => :age)"
                + " AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.upload_id = u.upload_id)")
        .bind("age", (double) age.toSeconds())
        .fetch()
        .rowsUpdated();
  }
}
