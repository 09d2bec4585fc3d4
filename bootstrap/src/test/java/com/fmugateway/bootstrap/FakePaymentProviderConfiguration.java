package com.fmugateway.bootstrap;

import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.fixtures.FakePaymentProvider;
import java.time.Instant;
import java.util.EnumSet;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The domain's fake payment provider as the gateway's provider, collecting both methods. It is
 * registered under the STRIPE id so that, once the payment adapter adds its sandbox (which it does
 * when no keys are set), the two do not collide and the fake still wins every method.
 */
@TestConfiguration(proxyBeanMethods = false)
class FakePaymentProviderConfiguration {

  static final String WEBHOOK = "/webhooks/" + ProviderId.STRIPE.code();

  @Bean
  FakePaymentProvider fakePaymentProvider() {
    return new FakePaymentProvider(
        ProviderId.STRIPE, EnumSet.allOf(PaymentMethod.class), Instant::now);
  }
}
