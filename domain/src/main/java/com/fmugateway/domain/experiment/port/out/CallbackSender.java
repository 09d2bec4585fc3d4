package com.fmugateway.domain.experiment.port.out;

import java.net.URI;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Role: makes one POST of a JSON body to a customer's URL, within a time limit, and says the HTTP
 * status it got; the answer's body is ignored. Errors when the URL may not be called (a private or
 * loopback address in production) or does not answer in time.
 */
public interface CallbackSender {

  Mono<Integer> post(URI url, String json, Map<String, String> headers);
}
