package com.fmugateway.domain.fmu.port.out;

import com.fmugateway.domain.fmu.model.InspectedFmu;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * Role: checks that an archive is a safe, runnable FMU and reads its description. Fails with {@link
 * com.fmugateway.domain.fmu.model.InvalidFmuException} naming the problem.
 */
public interface FmuInspector {

  Mono<InspectedFmu> inspect(Path archive);
}
