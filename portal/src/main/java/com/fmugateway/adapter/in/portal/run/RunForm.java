package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.RunRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The run form as typed: numbers stay text so a typo can be shown back unchanged. From {@code
 * startTime} to {@code inputSignals}: the "more settings" a run from the API may have used; blank
 * means the API's default. {@code clockTicks}: for each triggered input clock of a scheduled
 * execution model, its tick times as typed (comma-separated).
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
    String inputSignals,
    Map<String, String> clockTicks) {

  /** The prefix of a clock's tick field on the form: {@code ticks.<clock>}. */
  static final String TICKS_FIELD = "ticks.";

  public RunForm {
    clockTicks =
        clockTicks == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clockTicks));
  }

  /** The form as typed before ticks were known, with this schedule ({@code ticks.<clock>} read). */
  public RunForm withClockTicks(Map<String, String> ticks) {
    return new RunForm(
        fmuId,
        stopTime,
        step,
        fmuInterface,
        startValues,
        outputs,
        startTime,
        solver,
        rtol,
        atol,
        kpis,
        inputSignals,
        ticks);
  }

  /** A clock's ticks as typed, or blank. */
  public String ticks(String clock) {
    return clockTicks.getOrDefault(clock, "");
  }

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
        "",
        Map.of());
  }

  /**
   * The form that asks for {@code run} again: every setting it was asked with, or, for a run from
   * before requests were kept, its model and the interface it ran on.
   */
  static RunForm again(RunRecord run) {
    if (run.request().isEmpty()) {
      return new RunForm(
          run.fmuId(), "", "", run.fmuInterface(), "", "", "", "", "", "", "", "", Map.of());
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
        InputSignalsText.write(request.inputSignals()),
        request.clockTicks().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        e.getValue().stream().map(RunForm::plain).collect(Collectors.joining(", ")),
                    (a, b) -> a,
                    LinkedHashMap::new)));
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
    if (value instanceof List<?> array) {
      // An array's start value is shown back as the JSON array it was typed as.
      return array.stream().map(RunForm::element).collect(Collectors.joining(", ", "[", "]"));
    }
    return value instanceof Number n ? plain(n.doubleValue()) : String.valueOf(value);
  }

  private static String element(Object value) {
    if (value instanceof String text) {
      return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return value(value);
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
