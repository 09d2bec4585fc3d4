package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.IssuedApiKey;
import reactor.core.publisher.Mono;

/** Use case: open an account and hand out its first API key. */
public interface IssueApiKeyUseCase {

  Mono<IssuedApiKey> issue(IssueApiKeyCommand command);
}
