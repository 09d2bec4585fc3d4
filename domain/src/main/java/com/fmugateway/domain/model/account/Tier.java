package com.fmugateway.domain.model.account;

/** The plans an account can be on; what each includes is configured in {@link TierPolicy}. */
public enum Tier {
  FREE,
  PRO,
  ENTERPRISE
}
