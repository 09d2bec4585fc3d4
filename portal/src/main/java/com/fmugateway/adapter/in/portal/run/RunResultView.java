package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationReport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A finished run on the run page: its cost, interface, sample count and KPIs; the series (time and
 * each numeric output) the chart and the in-browser CSV are drawn from; every output's final value,
 * an array's elements ({@code y[1]}, {@code y[2]} …) shown together as one array; and, for a
 * scheduled execution run, when each output clock ticked.
 */
public record RunResultView(
    long costCredits,
    String fmuInterface,
    int samples,
    Map<String, Double> kpis,
    Map<String, Object> series,
    Map<String, String> finalValues,
    Map<String, String> clockEvents) {

  private static final Pattern ELEMENT = Pattern.compile("(.+)\\[(\\d+)]");
  private static final MathContext SHOWN = new MathContext(6);

  static RunResultView of(SimulationReport report) {
    return new RunResultView(
        report.costCredits(),
        report.provenance().fmuInterface().code(),
        report.result().time().length,
        report.kpis(),
        series(report),
        finalValues(report),
        report.result().clockEvents().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        e.getValue().stream().map(RunForm::plain).collect(Collectors.joining(", ")),
                    (a, b) -> a,
                    LinkedHashMap::new)));
  }

  private static Map<String, Object> series(SimulationReport report) {
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("time", report.result().time());
    for (Column column : report.result().columns()) {
      if (column instanceof Column.Real real) {
        series.put(real.name(), real.values());
      } else if (column instanceof Column.Integer integer) {
        series.put(integer.name(), integer.values());
      }
    }
    return series;
  }

  /** The last sample of every output; an array's elements joined as {@code [a, b, c]}. */
  private static Map<String, String> finalValues(SimulationReport report) {
    int last = report.result().time().length - 1;
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    Map<String, Boolean> isArray = new LinkedHashMap<>();
    if (last < 0) {
      return Map.of();
    }
    for (Column column : report.result().columns()) {
      String shown = shown(column.valueAt(last));
      Matcher element = ELEMENT.matcher(column.name());
      String name = element.matches() ? element.group(1) : column.name();
      grouped.computeIfAbsent(name, n -> new ArrayList<>()).add(shown);
      isArray.merge(name, element.matches(), Boolean::logicalAnd);
    }
    Map<String, String> values = new LinkedHashMap<>();
    grouped.forEach(
        (name, shown) ->
            values.put(
                name,
                isArray.get(name)
                    ? "[" + String.join(", ", shown) + "]"
                    : String.join(", ", shown)));
    return values;
  }

  private static String shown(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d)
          ? new BigDecimal(d).round(SHOWN).stripTrailingZeros().toPlainString()
          : d.toString();
    }
    return String.valueOf(value);
  }
}
