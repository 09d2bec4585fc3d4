package com.fmugateway.bootstrap;

import com.fmugateway.domain.port.out.CreditLedger;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Periodic clean-up safe to run on every instance at once: holds left by a gateway that died
 * mid-run are released once they are older than any run could be.
 */
@Configuration(proxyBeanMethods = false)
class Housekeeping {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
  private static final Duration EVERY = Duration.ofMinutes(1);
  private static final Duration MARGIN = Duration.ofMinutes(5);

  @Bean(destroyMethod = "dispose")
  Disposable staleHoldReleaser(CreditLedger ledger, SimulationProperties limits) {
    Duration age = limits.timeout().plus(MARGIN);
    return Flux.interval(EVERY, EVERY)
        .concatMap(
            tick ->
                ledger
                    .releaseStaleHolds(age)
                    .doOnNext(
                        n -> {
                          if (n > 0) {
                            log.warn("Released {} holds of runs that never finished", n);
                          }
                        })
                    .onErrorResume(
                        e -> {
                          log.warn("Releasing stale holds failed: {}", e.getMessage());
                          return Mono.empty();
                        }))
        .subscribe();
  }
}
