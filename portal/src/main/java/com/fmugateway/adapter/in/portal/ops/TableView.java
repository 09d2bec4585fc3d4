package com.fmugateway.adapter.in.portal.ops;

import java.util.List;

/**
 * One report table, the same on the page and in its CSV: {@code name} names both, {@code chart} is
 * how the page plots its series (a Chart.js type, or null for none), {@code horizontal} lays the
 * bars along the x axis. {@code totals}, when not empty, is a footer row shown on the page only:
 * the CSV holds the data rows.
 */
public record TableView(
    String name,
    List<ColumnView> columns,
    List<List<CellView>> rows,
    List<CellView> totals,
    String chart,
    boolean horizontal) {

  public TableView {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    totals = List.copyOf(totals);
    for (List<CellView> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(name + ": a row has a cell for every column");
      }
    }
    if (!totals.isEmpty() && totals.size() != columns.size()) {
      throw new IllegalArgumentException(name + ": the totals have a cell for every column");
    }
  }

  static TableView of(String name, List<ColumnView> columns, List<List<CellView>> rows) {
    return new TableView(name, columns, rows, List.of(), null, false);
  }

  TableView withTotals(List<CellView> totals) {
    return new TableView(name, columns, rows, totals, chart, horizontal);
  }

  TableView charted(String chart) {
    return new TableView(name, columns, rows, totals, chart, horizontal);
  }

  TableView horizontally() {
    return new TableView(name, columns, rows, totals, chart, true);
  }
}
