package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import reactor.core.publisher.Mono;

/**
 * The runs-per-minute limit of the caller's tier, drawn from the same budget as {@code POST
 * /simulate} and the portal: a run through MCP is a run.
 */
final class RunRateLimit {

  private final EnforceRateLimitUseCase limits;

  RunRateLimit(EnforceRateLimitUseCase limits) {
    this.limits = limits;
  }

  /** {@code work} when the limit allows one more run, else the rate-limit tool error. */
  Mono<ToolAnswer> check(Caller caller, Mono<ToolAnswer> work) {
    return limits
        .run(caller.account().accountId(), caller.account().tier())
        .flatMap(
            decision -> {
              if (decision.allowed()) {
                return work;
              }
              long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
              return Mono.just(ToolErrors.rateLimited(decision.limit(), seconds));
            });
  }
}
