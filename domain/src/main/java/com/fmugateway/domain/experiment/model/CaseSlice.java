package com.fmugateway.domain.experiment.model;

import java.util.List;

/** Cases {@code offset} to {@code offset + items.size()} of an experiment's {@code total}. */
public record CaseSlice(List<ExperimentCase> items, long offset, int limit, long total) {

  public CaseSlice {
    items = List.copyOf(items);
  }
}
