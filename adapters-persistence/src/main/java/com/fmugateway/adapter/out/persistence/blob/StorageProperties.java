package com.fmugateway.adapter.out.persistence.blob;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where shared blobs live ({@code FMUGW_STORAGE}: {@code postgres}, the default, or {@code s3}) and
 * how much of them each node caches locally.
 */
@ConfigurationProperties("fmugw.storage")
public record StorageProperties(
    @DefaultValue("postgres") Kind kind, @DefaultValue S3 s3, @DefaultValue Cache cache) {

  /** The shared store's technology. */
  public enum Kind {
    POSTGRES,
    S3
  }

  /**
   * An S3-compatible object store ({@code FMUGW_STORAGE_S3_*}). Without an access key the SDK's
   * default credential chain applies. The secret key never appears in {@link #toString()}.
   */
  public record S3(
      Optional<String> bucket,
      Optional<URI> endpoint,
      @DefaultValue("us-east-1") String region,
      Optional<String> accessKey,
      Optional<String> secretKey,
      @DefaultValue("true") boolean pathStyle) {

    @Override
    public String toString() {
      return "S3[bucket="
          + bucket.orElse("")
          + ", endpoint="
          + endpoint.map(URI::toString).orElse("(AWS)")
          + ", region="
          + region
          + ", accessKey="
          + (accessKey.isPresent() ? "(set)" : "(default chain)")
          + ", secretKey="
          + (secretKey.isPresent() ? "(set)" : "(unset)")
          + ", pathStyle="
          + pathStyle
          + "]";
    }
  }

  /**
   * This node's FMU cache ({@code FMUGW_STORAGE_CACHE_*}): at most {@code maxSize} on disk, least
   * recently used first out; an archive used within {@code inUse} is never evicted.
   */
  public record Cache(@DefaultValue("2GB") DataSize maxSize, @DefaultValue("10m") Duration inUse) {}
}
