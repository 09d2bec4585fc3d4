package com.fmugateway.adapter.out.fmi;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of FMU execution: where the built-in library is installed ({@code
 * FMUGW_FMI_LIBRARY_DIR}), how many runs execute at once ({@code FMUGW_FMI_MAX_CONCURRENT_RUNS},
 * default: the number of cores) and how many may wait ({@code FMUGW_FMI_MAX_QUEUED_RUNS}).
 */
@ConfigurationProperties("fmugw.fmi")
public record FmiProperties(
    @DefaultValue("./data/library") Path libraryDir,
    @DefaultValue("0") int maxConcurrentRuns,
    @DefaultValue("64") int maxQueuedRuns) {

  public int effectiveConcurrentRuns() {
    return maxConcurrentRuns > 0 ? maxConcurrentRuns : Runtime.getRuntime().availableProcessors();
  }
}
