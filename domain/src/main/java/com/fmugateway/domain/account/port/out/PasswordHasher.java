package com.fmugateway.domain.account.port.out;

import reactor.core.publisher.Mono;

/** Role: slow, salted password hashing (bcrypt or argon2), off the event loop. */
public interface PasswordHasher {

  Mono<String> hash(String password);

  Mono<Boolean> matches(String password, String hash);
}
