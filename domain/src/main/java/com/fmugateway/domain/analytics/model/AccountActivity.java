package com.fmugateway.domain.analytics.model;

/**
 * Accounts over a period: {@code created} in it; {@code active}, with at least one run in it;
 * {@code repeat}, active on at least two different UTC days of it; {@code paying}, with at least
 * one checkout paid in it.
 */
public record AccountActivity(long created, long active, long repeat, long paying) {

  public AccountActivity {
    if (repeat > active) {
      throw new IllegalArgumentException("repeat accounts are active accounts");
    }
  }
}
