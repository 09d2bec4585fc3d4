package com.fmugateway.domain.shared.model;

/**
 * Bytes offered to the shared store do not have the SHA-256 they were announced with; nothing was
 * stored.
 */
public class BlobIntegrityException extends DomainException {

  public BlobIntegrityException(BlobKey key, String expected, String actual) {
    super("the bytes for " + key + " have SHA-256 " + actual + ", not " + expected);
  }
}
