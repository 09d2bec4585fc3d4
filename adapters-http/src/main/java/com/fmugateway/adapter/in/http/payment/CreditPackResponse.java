package com.fmugateway.adapter.in.http.payment;

import com.fmugateway.domain.checkout.model.CreditPack;
import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A credit pack on sale: {@code runs} runs' worth of {@code credits} for {@code amount}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreditPackResponse(
    String pack, long runs, long credits, BigDecimal amount, long amountMinor, String currency) {

  static CreditPackResponse from(CreditPack pack) {
    return new CreditPackResponse(
        pack.id(),
        pack.runs(),
        pack.credits(),
        BigDecimal.valueOf(pack.price().minorUnits(), 2),
        pack.price().minorUnits(),
        pack.price().currency());
  }
}
