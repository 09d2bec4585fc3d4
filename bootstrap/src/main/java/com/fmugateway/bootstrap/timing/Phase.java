package com.fmugateway.bootstrap.timing;

/** A stretch of a {@code POST /simulate} request, as the benchmark's breakdown names it. */
public enum Phase {
  HTTP_DECODE("http_decode"),
  AUTHENTICATION("authentication"),
  RATE_LIMIT("rate_limit"),
  FMU_LOOKUP("fmu_lookup"),
  RUN_SLOT("run_slot"),
  QUOTE_HOLD("quote_hold"),
  WORKER_ROUND_TRIP("worker_round_trip"),
  INSIDE_FMU("inside_fmu"),
  SETTLE_RECORD("settle_record"),
  USE_CASE_OTHER("use_case_other"),
  ENCODING("encoding"),
  SERVER_TOTAL("server_total");

  private final String label;

  Phase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
