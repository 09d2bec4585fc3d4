package com.fmugateway.domain.checkout.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: open a checkout for one run ({@code pack} empty; {@code fmuId}, if given, names the
 * model on the receipt) or for a credit pack. {@code request}, when given, identifies the very run
 * request the checkout pays for, so the same request asked again gets the same pending checkout.
 */
public record StartCheckoutCommand(
    AccountId caller,
    Optional<String> pack,
    Optional<String> fmuId,
    CheckoutOptions options,
    Optional<String> request) {

  /** A checkout paid up front, not tied to one run request. */
  public StartCheckoutCommand(
      AccountId caller, Optional<String> pack, Optional<String> fmuId, CheckoutOptions options) {
    this(caller, pack, fmuId, options, Optional.empty());
  }

  public StartCheckoutCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(fmuId, "fmuId");
    if (fmuId.isPresent() && !FmuId.isWellFormed(fmuId.get())) {
      throw new InvalidInputException(
          "fmuId",
          "is not an FMU id: at most " + FmuId.MAX_LENGTH + " characters, no control characters");
    }
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(request, "request");
  }
}
