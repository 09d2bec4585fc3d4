package com.fmugateway.domain.port.out;

import com.fmugateway.domain.model.fmu.LibraryModel;
import reactor.core.publisher.Flux;

/** Role: the built-in models every account may run. */
public interface ModelLibrary {

  Flux<LibraryModel> models();
}
