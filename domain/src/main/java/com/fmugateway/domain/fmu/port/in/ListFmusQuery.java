package com.fmugateway.domain.fmu.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuListing;
import com.fmugateway.domain.shared.model.Page;
import com.fmugateway.domain.shared.model.PageRequest;
import reactor.core.publisher.Mono;

/**
 * Query: the FMUs a caller may run, a page at a time: their own uploads, newest first, and then,
 * when {@code withLibrary}, the built-in models by name. Nobody else's uploads, ever.
 */
public interface ListFmusQuery {

  Mono<Page<FmuListing>> fmus(AccountId caller, PageRequest page, boolean withLibrary);
}
