package com.fmugateway.adapter.out.persistence.testing;

import com.fmugateway.adapter.out.persistence.blob.StorageProperties;
import java.net.URI;
import java.util.Optional;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3-compatible server in this JVM for tests: S3Proxy over jclouds' transient (in-memory) blob
 * store, speaking the S3 REST protocol with signature checks, on a free local port.
 */
public final class LocalS3Server implements AutoCloseable {

  public static final String ACCESS_KEY = "test-access";
  public static final String SECRET_KEY = "test-secret";

  private final S3Proxy proxy;
  private final BlobStoreContext context;

  private LocalS3Server(S3Proxy proxy, BlobStoreContext context) {
    this.proxy = proxy;
    this.context = context;
  }

  public static LocalS3Server start() {
    BlobStoreContext context =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();
    try {
      proxy.start();
    } catch (Exception e) {
      context.close();
      throw new IllegalStateException("could not start the local S3 server", e);
    }
    // start() returns while Jetty may still be binding; its state says when it listens.
    while (!"STARTED".equals(proxy.getState())) {
      Thread.onSpinWait();
    }
    return new LocalS3Server(proxy, context);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Settings that reach {@code bucket} on this server with its test credentials. */
  public StorageProperties.S3 settings(String bucket) {
    return new StorageProperties.S3(
        Optional.of(bucket),
        Optional.of(endpoint()),
        "us-east-1",
        Optional.of(ACCESS_KEY),
        Optional.of(SECRET_KEY),
        true);
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the local S3 server", e);
    } finally {
      context.close();
    }
  }
}
