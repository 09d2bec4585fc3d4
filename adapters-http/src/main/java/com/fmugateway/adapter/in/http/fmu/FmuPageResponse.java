package com.fmugateway.adapter.in.http.fmu;

import com.fmugateway.domain.fmu.model.FmuListing;
import com.fmugateway.domain.shared.model.Page;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A page of {@code GET /fmus}: the items, where the page stands, and whether more follow. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FmuPageResponse(
    List<FmuListingResponse> items, int page, int size, long total, boolean hasMore) {

  static FmuPageResponse from(Page<FmuListing> page) {
    return new FmuPageResponse(
        page.items().stream().map(FmuListingResponse::from).toList(),
        page.request().page(),
        page.request().size(),
        page.total(),
        page.hasNext());
  }
}
