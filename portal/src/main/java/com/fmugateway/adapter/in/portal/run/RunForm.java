package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.RunRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The run form as typed: numbers stay text so a typo can be shown back unchanged. The last six are
 * the "more settings" a run from the API may have used; blank means the API's default.
 */
public record RunForm(
    String fmuId,
    String stopTime,
    String step,
    String fmuInterface,
    String startValues,
    String outputs,
    String startTime,
    String solver,
    String rtol,
    String atol,
    String kpis,
    String inputSignals) {

  static RunForm defaults(String fmuId) {
    return new RunForm(
        fmuId == null ? "lib:BouncingBall" : fmuId,
        "3",
        "0.01",
        "auto",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "");
  }

  /**
   * The form that asks for {@code run} again: every setting it was asked with, or, for a run from
   * before requests were kept, its model and the interface it ran on.
   */
  static RunForm again(RunRecord run) {
    if (run.request().isEmpty()) {
      return new RunForm(run.fmuId(), "", "", run.fmuInterface(), "", "", "", "", "", "", "", "");
    }
    RunRequest request = run.request().get();
    return new RunForm(
        run.fmuId(),
        number(request.stopTime()),
        number(request.step()),
        request.fmuInterface().orElse("auto"),
        request.startValues().entrySet().stream()
            .map(e -> e.getKey() + "=" + value(e.getValue()))
            .collect(Collectors.joining("\n")),
        String.join(", ", request.outputs()),
        number(request.startTime()),
        request.solver().orElse(""),
        number(request.rtol()),
        number(request.atol()),
        String.join(", ", request.kpis()),
        InputSignalsText.write(request.inputSignals()));
  }

  /** Whether any of the "more settings" is filled in, so they are shown open. */
  public boolean hasMoreSettings() {
    return List.of(
            blank(startTime),
            blank(solver),
            blank(rtol),
            blank(atol),
            blank(kpis),
            blank(inputSignals))
        .contains(false);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? plain(value.getAsDouble()) : "";
  }

  private static String value(Object value) {
    return value instanceof Number n ? plain(n.doubleValue()) : String.valueOf(value);
  }

  /** {@code 3} rather than {@code 3.0}, {@code 0.00000001} rather than {@code 1.0E-8}. */
  static String plain(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    String text = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }
}
