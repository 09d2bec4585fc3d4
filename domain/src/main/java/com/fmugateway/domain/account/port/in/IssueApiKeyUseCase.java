package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.IssuedApiKey;
import reactor.core.publisher.Mono;

/** Use case: open an account and hand out its first API key. */
public interface IssueApiKeyUseCase {

  Mono<IssuedApiKey> issue(IssueApiKeyCommand command);
}
