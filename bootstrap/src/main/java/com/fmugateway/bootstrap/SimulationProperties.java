package com.fmugateway.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on runs and uploads: {@code FMUGW_SIMULATION_TIMEOUT} (wall clock per run), {@code
 * FMUGW_SIMULATION_MAX_OUTPUT_SAMPLES}, {@code FMUGW_SIMULATION_MAX_UPLOAD_SIZE}.
 */
@ConfigurationProperties("fmugw.simulation")
record SimulationProperties(
    @DefaultValue("20s") Duration timeout,
    @DefaultValue("1000000") long maxOutputSamples,
    @DefaultValue("200MB") DataSize maxUploadSize) {}
