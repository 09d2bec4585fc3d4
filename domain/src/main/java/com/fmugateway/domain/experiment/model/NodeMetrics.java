package com.fmugateway.domain.experiment.model;

import java.util.OptionalInt;

/**
 * This node's figures for a metrics scraper: the shared queue's depth, the cases running here, the
 * cases this node ended since it started, and its simulation workers busy out of its slots (absent
 * when the simulator does not report them).
 */
public record NodeMetrics(
    String node,
    long queueDepth,
    NodeLoad sinceStart,
    OptionalInt workersBusy,
    OptionalInt workerSlots) {}
