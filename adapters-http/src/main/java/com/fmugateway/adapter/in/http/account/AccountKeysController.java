package com.fmugateway.adapter.in.http.account;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.account.model.ApiKeyId;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.account.port.in.IssueApiKeyCommand;
import com.fmugateway.domain.account.port.in.IssueApiKeyUseCase;
import com.fmugateway.domain.account.port.in.ListApiKeysQuery;
import com.fmugateway.domain.account.port.in.RevokeApiKeyUseCase;
import com.fmugateway.domain.shared.model.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's API keys: list, add one more, revoke (effective on the very next request). */
@RestController
@Tag(name = "Keys")
class AccountKeysController {

  private final IssueApiKeyUseCase issue;
  private final ListApiKeysQuery list;
  private final RevokeApiKeyUseCase revoke;

  AccountKeysController(
      IssueApiKeyUseCase issue, ListApiKeysQuery list, RevokeApiKeyUseCase revoke) {
    this.issue = issue;
    this.list = list;
    this.revoke = revoke;
  }

  @GetMapping("/account/keys")
  @Operation(
      operationId = "listKeys",
      summary = "Your API keys (prefix, created, last used, revoked)")
  Flux<ApiKeySummaryResponse> keys(@AuthenticationPrincipal AuthenticatedAccount caller) {
    return list.keys(caller.accountId()).map(ApiKeySummaryResponse::from);
  }

  @PostMapping("/account/keys")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(operationId = "addKey", summary = "Another key for your account, shown once")
  @ProblemResponses(429)
  Mono<ApiKeyResponse> create(@AuthenticationPrincipal AuthenticatedAccount caller) {
    return issue
        .issue(IssueApiKeyCommand.additionalKey(caller.accountId()))
        .map(ApiKeyResponse::from);
  }

  @DeleteMapping("/account/keys/{key_id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "revokeKey",
      summary = "Revoke one of your keys; it fails on its very next request")
  @ProblemResponses(404)
  Mono<Void> revoke(
      @AuthenticationPrincipal AuthenticatedAccount caller, @PathVariable("key_id") String keyId) {
    return parse(keyId).flatMap(id -> revoke.revoke(caller.accountId(), id));
  }

  private static Mono<ApiKeyId> parse(String keyId) {
    try {
      return Mono.just(new ApiKeyId(UUID.fromString(keyId)));
    } catch (IllegalArgumentException e) {
      return Mono.error(new NotFoundException("no API key with id " + keyId));
    }
  }
}
