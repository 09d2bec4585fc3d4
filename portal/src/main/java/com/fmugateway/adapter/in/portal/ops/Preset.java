package com.fmugateway.adapter.in.portal.ops;

import java.time.LocalDate;
import java.util.List;

/** A ready-made date range for the filter: the last {@code days} days up to today. */
public record Preset(String key, int days, LocalDate from, LocalDate to) {

  static List<Preset> endingOn(LocalDate today) {
    return List.of(7, 30, 90, 365).stream()
        .map(days -> new Preset("ops.preset.days", days, today.minusDays(days - 1), today))
        .toList();
  }
}
