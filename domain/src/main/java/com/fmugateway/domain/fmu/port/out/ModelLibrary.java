package com.fmugateway.domain.fmu.port.out;

import com.fmugateway.domain.fmu.model.LibraryModel;
import reactor.core.publisher.Flux;

/** Role: the built-in models every account may run. */
public interface ModelLibrary {

  Flux<LibraryModel> models();
}
