package com.fmugateway.domain.checkout.model;

/**
 * A payment token's life: ready once its checkout is paid, reserved while a run uses it (back to
 * ready if the run fails), consumed when the run succeeds.
 */
public enum PaymentTokenState {
  READY,
  RESERVED,
  CONSUMED
}
