package com.fmugateway.domain.account.model;

/** The plans an account can be on; what each includes is configured in {@link TierPolicy}. */
public enum Tier {
  FREE,
  PRO,
  ENTERPRISE
}
