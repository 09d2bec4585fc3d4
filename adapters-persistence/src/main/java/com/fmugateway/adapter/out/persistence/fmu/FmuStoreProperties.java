package com.fmugateway.adapter.out.persistence.fmu;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where uploaded FMU archives are kept ({@code FMUGW_FMU_STORE_DIR}). */
@ConfigurationProperties("fmugw.fmu-store")
public record FmuStoreProperties(@DefaultValue("./data/fmus") Path dir) {}
