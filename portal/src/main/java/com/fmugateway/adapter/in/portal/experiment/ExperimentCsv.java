package com.fmugateway.adapter.in.portal.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * An experiment's cases as CSV, as the API's {@code /experiments/{id}/cases} gives it: index and
 * status, a column per parameter and KPI, then node, failure and cost. RFC 4180 quoting.
 */
final class ExperimentCsv {

  private ExperimentCsv() {}

  static String of(CaseTableView table) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("index", "status"));
    header.addAll(table.parameters());
    header.addAll(table.kpis());
    header.addAll(List.of("node", "failure", "cost"));
    row(csv, header);
    for (CaseTableView.Row r : table.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(r.index()));
      cells.add(r.status());
      table.parameters().forEach(p -> cells.add(cell(r.values().get(p))));
      table.kpis().forEach(k -> cells.add(cell(r.values().get(k))));
      cells.add(r.node());
      cells.add(r.failure());
      cells.add(Long.toString(r.cost()));
      row(csv, cells);
    }
    return csv.toString();
  }

  private static String cell(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static void row(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (i > 0) {
        csv.append(',');
      }
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
        csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        csv.append(cell);
      }
    }
    csv.append("\r\n");
  }
}
