package com.fmugateway.domain.fmu.port.in;

import com.fmugateway.domain.fmu.model.LibraryModel;
import reactor.core.publisher.Flux;

/** Query: the built-in models whose name or description contains the search text. */
public interface ListLibraryQuery {

  /** All models for a blank query; matching is case-insensitive. */
  Flux<LibraryModel> library(String query);
}
