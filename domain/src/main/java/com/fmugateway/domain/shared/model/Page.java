package com.fmugateway.domain.shared.model;

import java.util.List;
import java.util.Objects;

/** One page of a longer list: its items, where it stands, and how many items there are in all. */
public record Page<T>(List<T> items, PageRequest request, long total) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(request, "request");
  }

  public boolean hasNext() {
    return request.offset() + items.size() < total;
  }

  public boolean hasPrevious() {
    return request.page() > 1;
  }
}
