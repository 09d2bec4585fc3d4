package com.fmugateway.adapter.out.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class BcryptPasswordHasherTest {

  private final BcryptPasswordHasher hasher = new BcryptPasswordHasher();

  @AfterEach
  void close() {
    hasher.close();
  }

  @Test
  void aHash_matchesItsOwnPasswordOnly() {
    String hash = hasher.hash("correct horse").block();

    assertThat(hash).startsWith("$2a$12$").doesNotContain("correct horse");
    StepVerifier.create(hasher.matches("correct horse", hash)).expectNext(true).verifyComplete();
    StepVerifier.create(hasher.matches("wrong horse", hash)).expectNext(false).verifyComplete();
  }

  @Test
  void hashing_runsOnTheHashersOwnThreads_notTheCallers() {
    AtomicReference<String> thread = new AtomicReference<>();

    StepVerifier.create(
            hasher.hash("secret").doOnNext(h -> thread.set(Thread.currentThread().getName())))
        .expectNextCount(1)
        .verifyComplete();

    assertThat(thread.get()).startsWith("bcrypt");
  }
}
