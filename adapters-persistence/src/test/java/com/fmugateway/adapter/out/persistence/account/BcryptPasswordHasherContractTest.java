package com.fmugateway.adapter.out.persistence.account;

import com.fmugateway.domain.account.port.out.PasswordHasher;
import com.fmugateway.domain.fixtures.PasswordHasherContract;
import org.junit.jupiter.api.AfterEach;

class BcryptPasswordHasherContractTest extends PasswordHasherContract {

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
