package com.fmugateway.domain.checkout.service;

import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured payment providers, picked by id (for their webhooks) or by the method a customer
 * chose: the first real provider that collects it, else the sandbox.
 */
final class PaymentProviders {

  private final Map<ProviderId, PaymentProvider> byId = new EnumMap<>(ProviderId.class);
  private final List<PaymentProvider> preferred;

  PaymentProviders(List<PaymentProvider> providers) {
    for (PaymentProvider provider : providers) {
      if (byId.put(provider.id(), provider) != null) {
        throw new IllegalStateException("two payment providers claim the id " + provider.id());
      }
    }
    preferred =
        providers.stream().sorted(Comparator.comparing(p -> p.id() == ProviderId.SANDBOX)).toList();
  }

  Optional<PaymentProvider> byId(ProviderId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The provider for {@code method}; 400 on {@code payment_method} when none collects it. */
  PaymentProvider forMethod(PaymentMethod method) {
    return preferred.stream()
        .filter(p -> p.methods().contains(method))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "paymentMethod",
                    method.code()
                        + " is not accepted here; accepted: "
                        + String.join(", ", methods().stream().map(PaymentMethod::code).toList())));
  }

  /** Every method some provider collects, in a stable order; empty when none is configured. */
  List<PaymentMethod> methods() {
    return List.of(PaymentMethod.values()).stream()
        .filter(m -> preferred.stream().anyMatch(p -> p.methods().contains(m)))
        .toList();
  }
}
