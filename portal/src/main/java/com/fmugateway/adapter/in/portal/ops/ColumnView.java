package com.fmugateway.adapter.in.portal.ops;

/**
 * One table column: {@code id} heads the CSV; {@code key} (with {@code arg}, e.g. a currency) heads
 * the page. Numeric columns are right-aligned; a {@code series} column is plotted, on the
 * right-hand axis when {@code secondAxis} (another unit, such as credits next to money).
 */
public record ColumnView(
    String id, String key, String arg, boolean numeric, boolean series, boolean secondAxis) {

  /** Words: days, models, causes, steps. */
  static ColumnView text(String id, String key) {
    return new ColumnView(id, key, null, false, false, false);
  }

  static ColumnView of(String id, String key) {
    return new ColumnView(id, key, null, true, false, false);
  }

  static ColumnView plotted(String id, String key) {
    return new ColumnView(id, key, null, true, true, false);
  }

  ColumnView in(String arg) {
    return new ColumnView(id, key, arg, numeric, series, secondAxis);
  }

  ColumnView onSecondAxis() {
    return new ColumnView(id, key, arg, numeric, series, true);
  }
}
