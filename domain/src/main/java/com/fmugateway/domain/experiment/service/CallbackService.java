package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.model.CallbackDelivery;
import com.fmugateway.domain.experiment.model.CallbackSignature;
import com.fmugateway.domain.experiment.port.in.DeliverCallbackUseCase;
import com.fmugateway.domain.experiment.port.in.GetWebhookSecretQuery;
import com.fmugateway.domain.experiment.port.out.CallbackSender;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.shared.port.out.Clock;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Tells an ended experiment's callback URL how it ended: one signed POST per attempt, with the
 * experiment id as {@code FMUGW-Event-Id} so a receiver can drop a repeat (an attempt whose answer
 * was lost is made again).
 */
public final class CallbackService implements DeliverCallbackUseCase, GetWebhookSecretQuery {

  private final ExperimentStore store;
  private final CallbackSender sender;
  private final CallbackSignature signature;
  private final Clock clock;
  private final Supplier<String> baseUrl;
  private final Views views;

  public CallbackService(
      ExperimentStore store,
      CallbackSender sender,
      CallbackSignature signature,
      Clock clock,
      Supplier<String> baseUrl) {
    this.store = Objects.requireNonNull(store, "store");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.signature = Objects.requireNonNull(signature, "signature");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.views = new Views(store);
  }

  @Override
  public String webhookSecret(AccountId caller) {
    return signature.secretFor(caller);
  }

  @Override
  public Mono<CallbackDelivery> deliver(java.util.UUID experimentId) {
    return store
        .experiment(experimentId)
        .filter(e -> e.status().finished() && e.callbackUrl().isPresent())
        .flatMap(views::view)
        .flatMap(
            view -> {
              String body = CallbackBody.of(view, baseUrl.get());
              long now = clock.now().getEpochSecond();
              Map<String, String> headers =
                  Map.of(
                      CallbackSignature.HEADER,
                      signature.sign(view.experiment().account(), now, body),
                      "FMUGW-Event-Id",
                      experimentId.toString());
              return sender.post(URI.create(view.experiment().callbackUrl().get()), body, headers);
            })
        .map(
            status ->
                status >= 200 && status < 300
                    ? CallbackDelivery.DELIVERED
                    : CallbackDelivery.REFUSED)
        .defaultIfEmpty(CallbackDelivery.NOT_WANTED);
  }
}
