package com.fmugateway.domain.account.port.out;

import com.fmugateway.domain.account.model.RateDecision;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Role: counts requests per bucket in fixed windows shared by every gateway instance, so a limit
 * holds however many instances serve the caller.
 */
public interface RateLimiter {

  Mono<RateDecision> tryAcquire(String bucket, int limit, Duration window);
}
