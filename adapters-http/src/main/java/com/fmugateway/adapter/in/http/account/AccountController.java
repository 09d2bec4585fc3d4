package com.fmugateway.adapter.in.http.account;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.billing.port.in.GetAccountQuery;
import com.fmugateway.domain.experiment.port.in.GetWebhookSecretQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** {@code GET /account}: the account of the calling key. */
@RestController
@Tag(name = "Account")
class AccountController {

  private final GetAccountQuery accounts;
  private final GetWebhookSecretQuery webhookSecrets;

  AccountController(GetAccountQuery accounts, GetWebhookSecretQuery webhookSecrets) {
    this.accounts = accounts;
    this.webhookSecrets = webhookSecrets;
  }

  @GetMapping("/account")
  @Operation(operationId = "getAccount", summary = "The account the calling API key belongs to")
  @ProblemResponses(404)
  Mono<AccountResponse> account(@AuthenticationPrincipal AuthenticatedAccount caller) {
    return accounts
        .account(caller.accountId())
        .map(
            summary ->
                AccountResponse.from(summary, webhookSecrets.webhookSecret(caller.accountId())))
        .switchIfEmpty(
            Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such account")));
  }
}
