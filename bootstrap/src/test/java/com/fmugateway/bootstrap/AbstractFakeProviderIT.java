package com.fmugateway.bootstrap;

import com.fmugateway.domain.fixtures.FakePaymentProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The paying gateway with the domain's fake payment provider collecting every method. */
@Import(FakePaymentProviderConfiguration.class)
abstract class AbstractFakeProviderIT extends AbstractPaymentIT {

  @Autowired protected FakePaymentProvider provider;

  /** The customer pays the checkout and the provider's webhook reaches the gateway. */
  protected void pay(String sessionId) {
    deliver(provider.pay(provider.providerSession(sessionId))).expectStatus().isOk();
  }

  /** Delivers a webhook as the provider does: no API key, the signed raw body. */
  protected WebTestClient.ResponseSpec deliver(FakePaymentProvider.Delivery delivery) {
    return client
        .post()
        .uri(FakePaymentProviderConfiguration.WEBHOOK)
        .headers(h -> delivery.headers().forEach(h::set))
        .bodyValue(delivery.body())
        .exchange();
  }
}
