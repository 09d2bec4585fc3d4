package com.fmugateway.domain.model.fmu;

import com.fmugateway.domain.model.common.DomainException;

/** An upload passed the configured size cap; nothing of it was kept. */
public class UploadTooLargeException extends DomainException {

  private final long maxBytes;

  public UploadTooLargeException(long maxBytes) {
    super("the upload exceeds the limit of " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
