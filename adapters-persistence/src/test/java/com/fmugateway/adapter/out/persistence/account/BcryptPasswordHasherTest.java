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

  /** One hash and two checks only: each costs ~0.2 s of CPU by design. */
  @Test
  void aHash_isComputedOnTheHashersOwnThreads_andMatchesItsOwnPasswordOnly() {
    AtomicReference<String> thread = new AtomicReference<>();
    AtomicReference<String> hash = new AtomicReference<>();

    StepVerifier.create(
            hasher
                .hash("correct horse")
                .doOnNext(h -> thread.set(Thread.currentThread().getName())))
        .consumeNextWith(hash::set)
        .verifyComplete();

    assertThat(thread.get()).startsWith("bcrypt");
    assertThat(hash.get()).startsWith("$2a$12$").doesNotContain("correct horse");
    StepVerifier.create(hasher.matches("correct horse", hash.get()))
        .expectNext(true)
        .verifyComplete();
    StepVerifier.create(hasher.matches("wrong horse", hash.get()))
        .expectNext(false)
        .verifyComplete();
  }
}
