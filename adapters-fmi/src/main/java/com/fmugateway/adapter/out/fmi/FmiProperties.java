package com.fmugateway.adapter.out.fmi;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of FMU execution ({@code FMUGW_FMI_…}): where the built-in library is installed, the
 * sandbox's private work folder (absolute path at most 60 bytes: it holds Unix sockets), how many
 * runs execute at once (default: twice the cores) and how many may wait, whether bubblewrap is
 * mandatory, the isolation mode, and the most bytes and variables an uploaded {@code
 * modelDescription.xml} may have (10 MB, 50,000), and the most bytes of samples one run may send
 * back ({@code max-result-size}, 512 MB; a streamed run that passes it is cut off, uncharged).
 * {@code in-process} exists only to measure the sandbox's overhead: it runs FMUs inside the gateway
 * and must never serve customers.
 */
@ConfigurationProperties("fmugw.fmi")
public record FmiProperties(
    @DefaultValue("./data/library") Path libraryDir,
    @DefaultValue("./data/sandbox") Path sandboxDir,
    @DefaultValue("0") int maxConcurrentRuns,
    @DefaultValue("64") int maxQueuedRuns,
    @DefaultValue("1") int spareWorkers,
    @DefaultValue("false") boolean requireBubblewrap,
    @DefaultValue("sandbox") Isolation isolation,
    @DefaultValue("10MB") DataSize maxDescriptionSize,
    @DefaultValue("50000") int maxVariables,
    @DefaultValue("512MB") DataSize maxResultSize) {

  /** Where FMUs execute. */
  public enum Isolation {
    SANDBOX,
    IN_PROCESS
  }

  public int effectiveConcurrentRuns() {
    return maxConcurrentRuns > 0
        ? maxConcurrentRuns
        : 2 * Runtime.getRuntime().availableProcessors();
  }
}
