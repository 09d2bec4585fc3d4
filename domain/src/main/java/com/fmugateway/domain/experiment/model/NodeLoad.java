package com.fmugateway.domain.experiment.model;

/** One node's cases: running on it now, and succeeded and failed there since a given instant. */
public record NodeLoad(String node, long running, long succeeded, long failed) {}
