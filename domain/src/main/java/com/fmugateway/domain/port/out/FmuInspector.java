package com.fmugateway.domain.port.out;

import com.fmugateway.domain.model.fmu.InspectedFmu;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * Role: checks that an archive is a safe, runnable FMU and reads its description. Fails with {@link
 * com.fmugateway.domain.model.fmu.InvalidFmuException} naming the problem.
 */
public interface FmuInspector {

  Mono<InspectedFmu> inspect(Path archive);
}
