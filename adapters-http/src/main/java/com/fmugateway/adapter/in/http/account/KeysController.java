package com.fmugateway.adapter.in.http.account;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.account.port.in.IssueApiKeyCommand;
import com.fmugateway.domain.account.port.in.IssueApiKeyUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /keys}: the prototype's no-auth entry point, one new account per call. */
@RestController
@Tag(name = "Keys", description = "API keys")
class KeysController {

  private final IssueApiKeyUseCase issueApiKey;

  KeysController(IssueApiKeyUseCase issueApiKey) {
    this.issueApiKey = issueApiKey;
  }

  @PostMapping("/keys")
  @ResponseStatus(HttpStatus.CREATED)
  @SecurityRequirements
  @Operation(
      operationId = "createKey",
      summary = "Create an account and its first API key (no authentication needed)")
  @ProblemResponses(429)
  Mono<ApiKeyResponse> create() {
    return issueApiKey.issue(IssueApiKeyCommand.newAccount()).map(ApiKeyResponse::from);
  }
}
