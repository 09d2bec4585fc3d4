package com.fmugateway.adapter.out.persistence.blob;

import com.fmugateway.domain.fixtures.BlobStoreContract;
import com.fmugateway.domain.shared.port.out.BlobStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract against S3Proxy (a real S3 REST server, in memory) through the AWS SDK. */
class S3BlobStoreIT extends BlobStoreContract {

  private static S3Proxy proxy;
  private static S3BlobStore store;
  @TempDir static Path spool;

  @BeforeAll
  static void startServer() throws Exception {
    Properties properties = new Properties();
    BlobStoreContext context =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .overrides(properties)
            .build(BlobStoreContext.class);
    proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .awsAuthentication(org.gaul.s3proxy.AuthenticationType.AWS_V2_OR_V4, "access", "secret")
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.onSpinWait();
    }
    URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    StorageProperties.S3 settings =
        new StorageProperties.S3(
            Optional.of("blobs"),
            Optional.of(endpoint),
            "us-east-1",
            Optional.of("access"),
            Optional.of("secret"),
            true);
    store = new S3BlobStore(S3Clients.create(settings), "blobs", spool);
    store.ensureBucket();
  }

  @AfterAll
  static void stopServer() throws Exception {
    store.close();
    proxy.stop();
  }

  @Override
  protected BlobStore store() {
    return store;
  }
}
