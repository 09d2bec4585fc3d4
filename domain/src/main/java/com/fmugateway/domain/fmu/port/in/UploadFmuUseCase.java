package com.fmugateway.domain.fmu.port.in;

import com.fmugateway.domain.fmu.model.ResolvedFmu;
import reactor.core.publisher.Mono;

/** Use case: validate and keep an uploaded FMU; the same bytes give the same record. */
public interface UploadFmuUseCase {

  Mono<ResolvedFmu> upload(UploadFmuCommand command);
}
