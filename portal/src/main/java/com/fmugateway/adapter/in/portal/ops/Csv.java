package com.fmugateway.adapter.in.portal.ops;

import java.util.List;

/** RFC 4180 CSV of a table: a header of column ids, CRLF line ends, fields quoted when needed. */
final class Csv {

  private Csv() {}

  static String of(TableView table) {
    StringBuilder out = new StringBuilder();
    line(out, table.columns().stream().map(ColumnView::id).toList());
    for (List<CellView> row : table.rows()) {
      line(out, row.stream().map(CellView::value).toList());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    // Model names come from uploaded FMUs: one starting with =, +, - or @ would run as a formula
    // in a spreadsheet, so it gets a leading apostrophe. Negative numbers stay numbers.
    boolean formula = value.matches("[=+\\-@].*") && !value.matches("-?[0-9.]+");
    String safe = formula ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
