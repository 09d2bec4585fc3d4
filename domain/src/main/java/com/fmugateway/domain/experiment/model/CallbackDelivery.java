package com.fmugateway.domain.experiment.model;

/**
 * What one attempt to tell an experiment's callback URL it ended came to: {@code DELIVERED} (a 2xx
 * answer), {@code NOT_WANTED} (no callback URL, or the experiment has not ended), or {@code
 * REFUSED} (any other answer: the attempt is made again later, a few times).
 */
public enum CallbackDelivery {
  DELIVERED,
  NOT_WANTED,
  REFUSED
}
