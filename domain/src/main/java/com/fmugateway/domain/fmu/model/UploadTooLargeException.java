package com.fmugateway.domain.fmu.model;

import com.fmugateway.domain.shared.model.DomainException;

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
