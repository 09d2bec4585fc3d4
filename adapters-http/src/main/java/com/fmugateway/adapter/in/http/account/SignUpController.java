package com.fmugateway.adapter.in.http.account;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.account.port.in.IssueApiKeyCommand;
import com.fmugateway.domain.account.port.in.IssueApiKeyUseCase;
import com.fmugateway.domain.account.port.in.LogInCommand;
import com.fmugateway.domain.account.port.in.LogInUseCase;
import com.fmugateway.domain.account.port.in.SignUpCommand;
import com.fmugateway.domain.account.port.in.SignUpUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.InetSocketAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Accounts with email and password: sign up, and log in to get another API key. */
@RestController
@Tag(name = "Keys")
class SignUpController {

  private final SignUpUseCase signUp;
  private final LogInUseCase logIn;
  private final IssueApiKeyUseCase issue;

  SignUpController(SignUpUseCase signUp, LogInUseCase logIn, IssueApiKeyUseCase issue) {
    this.signUp = signUp;
    this.logIn = logIn;
    this.issue = issue;
  }

  @PostMapping("/signup")
  @ResponseStatus(HttpStatus.CREATED)
  @SecurityRequirements
  @Operation(
      operationId = "signUp",
      summary = "Open an account with email and password; returns its first API key")
  @ProblemResponses({400, 415, 429})
  Mono<ApiKeyResponse> signUp(@RequestBody CredentialsRequest request) {
    return Mono.fromCallable(() -> new SignUpCommand(request.email(), request.password()))
        .flatMap(signUp::signUp)
        .map(ApiKeyResponse::from);
  }

  @PostMapping("/login")
  @ResponseStatus(HttpStatus.CREATED)
  @SecurityRequirements
  @Operation(
      operationId = "logIn",
      summary = "Log in with email and password; returns a new API key for the account")
  @ProblemResponses({400, 401, 415, 429})
  Mono<ApiKeyResponse> logIn(
      @RequestBody CredentialsRequest request, ServerHttpRequest httpRequest) {
    return logIn
        .logIn(new LogInCommand(request.email(), request.password(), clientAddress(httpRequest)))
        .flatMap(account -> issue.issue(IssueApiKeyCommand.additionalKey(account.id())))
        .map(ApiKeyResponse::from);
  }

  private static String clientAddress(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
