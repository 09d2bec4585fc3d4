package com.fmugateway.adapter.in.http.security;

import com.fmugateway.domain.account.port.out.PasswordHasher;
import com.fmugateway.domain.fixtures.PasswordHasherContract;
import org.junit.jupiter.api.AfterEach;

class BcryptPasswordHasherTest extends PasswordHasherContract {

  private final BcryptPasswordHasher hasher = new BcryptPasswordHasher();

  @AfterEach
  void close() {
    hasher.close();
  }

  @Override
  protected PasswordHasher hasher() {
    return hasher;
  }
}
