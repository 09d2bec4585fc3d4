package com.fmugateway.adapter.out.persistence.blob;

import com.fmugateway.domain.shared.model.BlobIntegrityException;
import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.model.StoredBlob;
import com.fmugateway.domain.shared.port.out.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects in an S3-compatible bucket, one object per key, with the SHA-256 in the object's
 * metadata. An upload is spooled to a local file while it is hashed (S3 wants the length up front,
 * and refused bytes never reach the bucket), then sent from that file; a download streams the
 * object's body in 1 MiB reads. The blocking SDK calls run on a bounded scheduler.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

  static final String SHA256_METADATA = "sha256";
  private static final int READ_SIZE = 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final Path spool;
  private final Scheduler io = Schedulers.boundedElastic();

  public S3BlobStore(S3Client s3, String bucket, Path spool) {
    this.s3 = s3;
    this.bucket = bucket;
    this.spool = spool;
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
        Mono.fromCallable(() -> SpoolFile.create(spool)).subscribeOn(io),
        file ->
            content
                .publishOn(io, 4)
                .doOnNext(file::write)
                .then(Mono.fromCallable(file::finish))
                .flatMap(
                    written -> {
                      if (expected != null && !expected.equals(written.sha256())) {
                        return Mono.error(
                            new BlobIntegrityException(key, expected, written.sha256()));
                      }
                      return Mono.fromCallable(() -> send(key, written)).subscribeOn(io);
                    }),
        file -> Mono.fromRunnable(file::delete).subscribeOn(io),
        (file, error) -> Mono.fromRunnable(file::delete).subscribeOn(io),
        file -> Mono.fromRunnable(file::delete).subscribeOn(io));
  }

  private StoredBlob send(BlobKey key, SpoolFile.Written written) {
    try {
      s3.putObject(
          put ->
              put.bucket(bucket)
                  .key(key.value())
                  .ifNoneMatch("*")
                  .contentLength(written.sizeBytes())
                  .metadata(Map.of(SHA256_METADATA, written.sha256())),
          RequestBody.fromFile(written.file()));
    } catch (S3Exception e) {
      if (e.statusCode() == 412 || e.statusCode() == 409) {
        // Another node stored the key first: its blob is the one kept.
        return head(key);
      }
      throw e;
    }
    return new StoredBlob(key, written.sha256(), written.sizeBytes());
  }

  @Override
  public Flux<ByteBuffer> get(BlobKey key) {
    return Mono.fromCallable(() -> open(key))
        .subscribeOn(io)
        .flatMapMany(
            body ->
                Flux.using(
                        () -> body,
                        in ->
                            Flux.<ByteBuffer>generate(
                                sink -> {
                                  byte[] bytes = readChunk(in);
                                  if (bytes.length == 0) {
                                    sink.complete();
                                  } else {
                                    sink.next(ByteBuffer.wrap(bytes));
                                  }
                                }),
                        S3BlobStore::closeQuietly)
                    .subscribeOn(io));
  }

  /** The object's body, or null (an empty Mono) when there is no such object. */
  private InputStream open(BlobKey key) {
    try {
      return s3.getObject(get -> get.bucket(bucket).key(key.value()));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static byte[] readChunk(InputStream in) {
    try {
      return in.readNBytes(READ_SIZE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read a blob from the object store", e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // Nothing left to read from a closed body.
    }
  }

  @Override
  public Mono<StoredBlob> find(BlobKey key) {
    return Mono.fromCallable(() -> headOrNull(key)).subscribeOn(io);
  }

  private StoredBlob headOrNull(BlobKey key) {
    try {
      return head(key);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private StoredBlob head(BlobKey key) {
    HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(key.value()));
    String sha = head.metadata().get(SHA256_METADATA);
    if (sha == null && key.value().startsWith("sha256/")) {
      sha = key.value().substring("sha256/".length());
    }
    return new StoredBlob(key, sha == null ? "" : sha, head.contentLength());
  }

  /** Creates the bucket when it is missing, so a fresh object store needs no manual step. */
  public void ensureBucket() {
    try {
      s3.headBucket(h -> h.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      s3.createBucket(c -> c.bucket(bucket));
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
