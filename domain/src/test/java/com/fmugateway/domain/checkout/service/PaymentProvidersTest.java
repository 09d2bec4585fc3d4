package com.fmugateway.domain.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.fixtures.FakePaymentProvider;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentProvidersTest {

  private final FakePaymentProvider sandbox =
      new FakePaymentProvider(ProviderId.SANDBOX, EnumSet.allOf(PaymentMethod.class), Instant::now);
  private final FakePaymentProvider stripe =
      new FakePaymentProvider(ProviderId.STRIPE, Set.of(PaymentMethod.CARD), Instant::now);

  @Test
  void aRealProviderIsPreferredToTheSandboxForItsMethod() {
    PaymentProviders providers = new PaymentProviders(List.of(sandbox, stripe));

    assertThat(providers.forMethod(PaymentMethod.CARD)).isSameAs(stripe);
    assertThat(providers.forMethod(PaymentMethod.CRYPTO)).isSameAs(sandbox);
    assertThat(providers.byId(ProviderId.SANDBOX)).containsSame(sandbox);
    assertThat(providers.byId(ProviderId.COINBASE)).isEmpty();
    assertThat(providers.methods()).containsExactly(PaymentMethod.CARD, PaymentMethod.CRYPTO);
  }

  @Test
  void aMethodNoProviderCollects_isRejectedNamingTheField() {
    PaymentProviders providers = new PaymentProviders(List.of(stripe));

    assertThatThrownBy(() -> providers.forMethod(PaymentMethod.CRYPTO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("accepted: card")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("paymentMethod");
    assertThat(new PaymentProviders(List.of()).methods()).isEmpty();
  }

  @Test
  void twoProvidersWithOneId_areAConfigurationError() {
    assertThatThrownBy(() -> new PaymentProviders(List.of(stripe, stripe)))
        .isInstanceOf(IllegalStateException.class);
  }
}
