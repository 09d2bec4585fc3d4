package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.payment.CheckoutOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: open a checkout for one run ({@code pack} empty; {@code fmuId}, if given, names the
 * model on the receipt) or for a credit pack.
 */
public record StartCheckoutCommand(
    AccountId caller, Optional<String> pack, Optional<String> fmuId, CheckoutOptions options) {

  public StartCheckoutCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(options, "options");
  }
}
