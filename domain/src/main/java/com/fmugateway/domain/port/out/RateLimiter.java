package com.fmugateway.domain.port.out;

import com.fmugateway.domain.model.limit.RateDecision;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Role: counts requests per bucket in fixed windows shared by every gateway instance, so a limit
 * holds however many instances serve the caller.
 */
public interface RateLimiter {

  Mono<RateDecision> tryAcquire(String bucket, int limit, Duration window);
}
