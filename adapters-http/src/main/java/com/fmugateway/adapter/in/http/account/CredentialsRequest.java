package com.fmugateway.adapter.in.http.account;

import io.swagger.v3.oas.annotations.media.Schema;

/** Email and password, for sign-up and log-in. */
public record CredentialsRequest(
    @Schema(example = "ada@example.com", requiredMode = Schema.RequiredMode.REQUIRED) String email,
    @Schema(
            description =
                "12 characters to 72 bytes (UTF-8), with at least one letter and one digit",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String password) {

  @Override
  public String toString() {
    return "CredentialsRequest[" + email + "]";
  }
}
