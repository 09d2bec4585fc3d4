package com.fmugateway.adapter.out.fmi.sandbox.pool;

import java.time.Duration;
import java.util.Optional;

/**
 * A worker as tests and diagnostics see it.
 *
 * @param slot its slot, which gives it its uid
 * @param preStarted started ahead of need as a spare, then claimed by {@code key}
 * @param process what the gateway started: bubblewrap, or the JVM itself without it
 * @param jvm the worker's JVM, a descendant of {@code process} inside bubblewrap
 * @param startup from launching the worker to its hello
 */
public record WorkerSnapshot(
    PoolKey key,
    int slot,
    boolean busy,
    int runs,
    boolean preStarted,
    ProcessHandle process,
    Optional<ProcessHandle> jvm,
    Duration startup) {}
