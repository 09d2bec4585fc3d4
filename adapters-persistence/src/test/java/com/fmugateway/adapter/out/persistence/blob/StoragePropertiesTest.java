package com.fmugateway.adapter.out.persistence.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

class StoragePropertiesTest {

  @Test
  void withNothingSet_storageIsPostgres_withATwoGigabyteCache() {
    StorageProperties storage = bind(Map.of());

    assertThat(storage.kind()).isEqualTo(StorageProperties.Kind.POSTGRES);
    assertThat(storage.cache().maxSize()).isEqualTo(DataSize.ofGigabytes(2));
    assertThat(storage.cache().inUse()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void theEnvironmentVariablesOfTheReadme_selectAndReachAnS3Bucket() {
    StorageProperties storage =
        bind(
            Map.of(
                "FMUGW_STORAGE", "s3",
                "FMUGW_STORAGE_S3_BUCKET", "models",
                "FMUGW_STORAGE_S3_ENDPOINT", "http://minio:9000",
                "FMUGW_STORAGE_S3_REGION", "eu-west-1",
                "FMUGW_STORAGE_S3_ACCESS_KEY", "AKIAEXAMPLE",
                "FMUGW_STORAGE_S3_SECRET_KEY", "very-secret-value",
                "FMUGW_STORAGE_CACHE_MAX_SIZE", "500MB"));

    assertThat(storage.kind()).isEqualTo(StorageProperties.Kind.S3);
    assertThat(storage.s3().bucket()).contains("models");
    assertThat(storage.s3().endpoint()).contains(URI.create("http://minio:9000"));
    assertThat(storage.s3().region()).isEqualTo("eu-west-1");
    assertThat(storage.s3().accessKey()).contains("AKIAEXAMPLE");
    assertThat(storage.cache().maxSize()).isEqualTo(DataSize.ofMegabytes(500));
    assertThat(storage.toString()).doesNotContain("very-secret-value");
  }

  /**
   * As the gateway binds them: variables of the process environment (a source Spring maps by the
   * "systemEnvironment" name), and application.yml mapping FMUGW_STORAGE to fmugw.storage.kind.
   */
  private static StorageProperties bind(Map<String, Object> environment) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "application.yml", Map.of("fmugw.storage.kind", "${FMUGW_STORAGE:postgres}")));
    env.getPropertySources()
        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment));
    return Binder.get(env).bindOrCreate("fmugw.storage", StorageProperties.class);
  }
}
