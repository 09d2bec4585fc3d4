package com.fmugateway.adapter.in.http.experiment;

import com.fmugateway.adapter.in.http.simulation.Decimals;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;

/**
 * Cases as CSV: index and status, one column per parameter and per KPI (in first-seen order), then
 * node, failure and cost. Non-finite KPIs are spelt {@code NaN}, {@code Infinity}, {@code
 * -Infinity}, as the run CSV does.
 */
final class CaseCsv {

  private CaseCsv() {}

  static Flux<String> of(List<ExperimentCase> cases) {
    Set<String> parameters = new LinkedHashSet<>();
    Set<String> kpis = new LinkedHashSet<>();
    for (ExperimentCase c : cases) {
      parameters.addAll(c.parameters().keySet());
      kpis.addAll(c.kpis().keySet());
    }
    List<String> lines = new ArrayList<>(cases.size() + 1);
    List<String> header = new ArrayList<>(List.of("index", "status"));
    header.addAll(parameters);
    header.addAll(kpis);
    header.addAll(List.of("node", "failure", "cost"));
    lines.add(row(header));
    for (ExperimentCase c : cases) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(c.index()));
      cells.add(c.status().code());
      parameters.forEach(p -> cells.add(cell(c.parameters().get(p))));
      kpis.forEach(k -> cells.add(cell(c.kpis().get(k))));
      cells.add(c.node().orElse(""));
      cells.add(c.failure().orElse(""));
      cells.add(Long.toString(c.cost()));
      lines.add(row(cells));
    }
    return Flux.fromIterable(lines);
  }

  private static String cell(Object value) {
    if (value instanceof Double number) {
      return Decimals.of(number); // as the runs' results write it
    }
    return value == null ? "" : String.valueOf(value);
  }

  /** RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. */
  private static String row(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (i > 0) {
        line.append(',');
      }
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        line.append(cell);
      }
    }
    return line.append("\r\n").toString();
  }
}
