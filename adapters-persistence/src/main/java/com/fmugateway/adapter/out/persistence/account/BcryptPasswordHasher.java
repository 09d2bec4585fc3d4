package com.fmugateway.adapter.out.persistence.account;

import com.fmugateway.domain.account.port.out.PasswordHasher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * bcrypt (cost 12): ~0.2 s of CPU per hash by design. It runs on threads of its own, one per core,
 * so a burst of log-ins neither blocks the event loop nor queues behind (or starves) the shared I/O
 * scheduler that uploads and archive inspection use.
 */
public final class BcryptPasswordHasher implements PasswordHasher, AutoCloseable {

  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);
  private final Scheduler cpu =
      Schedulers.newParallel("bcrypt", Runtime.getRuntime().availableProcessors());

  @Override
  public Mono<String> hash(String password) {
    return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(cpu);
  }

  @Override
  public Mono<Boolean> matches(String password, String hash) {
    return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(cpu);
  }

  @Override
  public void close() {
    cpu.dispose();
  }
}
