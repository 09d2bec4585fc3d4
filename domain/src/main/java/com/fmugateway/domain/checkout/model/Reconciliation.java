package com.fmugateway.domain.checkout.model;

/**
 * One pass of reconciliation: checkouts whose provider was asked, how many that settled, and how
 * many could not be checked (they are asked again on a later pass).
 */
public record Reconciliation(long checked, long settled, long failed) {}
