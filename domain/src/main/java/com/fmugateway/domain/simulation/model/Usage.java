package com.fmugateway.domain.simulation.model;

/** An account's metering for a period: runs (succeeded and failed) and credits spent. */
public record Usage(long runs, long creditsSpent) {}
