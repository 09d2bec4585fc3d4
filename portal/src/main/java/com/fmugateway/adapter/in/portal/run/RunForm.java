package com.fmugateway.adapter.in.portal.run;

/** The run form as typed: numbers stay text so a typo can be shown back unchanged. */
public record RunForm(
    String fmuId,
    String stopTime,
    String step,
    String fmuInterface,
    String startValues,
    String outputs) {

  static RunForm defaults(String fmuId) {
    return new RunForm(fmuId == null ? "lib:BouncingBall" : fmuId, "3", "0.01", "auto", "", "");
  }
}
