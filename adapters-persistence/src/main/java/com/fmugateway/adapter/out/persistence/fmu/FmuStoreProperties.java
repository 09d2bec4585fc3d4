package com.fmugateway.adapter.out.persistence.fmu;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node's folder of FMU archives ({@code FMUGW_FMU_STORE_DIR}): the cache in front of the
 * shared storage, and its staging area for uploads.
 */
@ConfigurationProperties("fmugw.fmu-store")
public record FmuStoreProperties(@DefaultValue("./data/fmus") Path dir) {}
