package com.fmugateway.domain.experiment.port.out;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Role: the durable queue of callbacks to deliver, shared by every node. An experiment's callback
 * is queued at most once however often it is asked for (two nodes ending it at once queue one), and
 * is retried with growing pauses, a few times, until its URL answers 2xx; a node restart loses
 * none.
 */
public interface CallbackQueue {

  Mono<Void> enqueue(UUID experimentId);
}
