package com.fmugateway.adapter.out.payments.support;

/**
 * A provider failure worth retrying: no connection, a 5xx or a 429. Only {@link ProviderGuard} sees
 * it; callers get {@link com.fmugateway.domain.checkout.model.ProviderUnavailableException}.
 */
public final class TransientProviderException extends RuntimeException {

  public TransientProviderException(String message, Throwable cause) {
    super(message, cause);
  }

  public TransientProviderException(String message) {
    super(message);
  }
}
