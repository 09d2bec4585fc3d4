package com.fmugateway.adapter.out.payments.coinbase;

import com.fmugateway.domain.checkout.model.PaymentStatus;
import java.util.Optional;

/**
 * Coinbase Commerce's charge statuses and event types in the gateway's terms.
 *
 * <p>Coinbase calls a charge PENDING once the payment is seen on chain, and COMPLETED once it is
 * final; the gateway waits for the latter (a few minutes more) so that a reorganised chain can
 * never have granted credits. Legacy charges may also be UNRESOLVED (paid wrongly: too little, too
 * much, too late), which counts as failed until a merchant resolves it, and RESOLVED, which counts
 * as paid.
 */
final class CoinbaseStatuses {

  private CoinbaseStatuses() {}

  static PaymentStatus ofTimeline(String status) {
    return switch (status) {
      case "COMPLETED", "RESOLVED" -> PaymentStatus.PAID;
      case "EXPIRED" -> PaymentStatus.EXPIRED;
      case "CANCELED", "UNRESOLVED", "FAILED" -> PaymentStatus.FAILED;
      // NEW, SIGNED, PENDING, and statuses Coinbase may add later.
      default -> PaymentStatus.PENDING;
    };
  }

  /**
   * The status an event reports, empty for events the gateway ignores ({@code charge:created};
   * {@code charge:delayed}, a payment after expiry, which waits for a merchant to resolve it). A
   * charge that failed by running out of time is reported expired.
   */
  static Optional<PaymentStatus> ofEvent(String type, String timelineStatus) {
    return switch (type) {
      case "charge:confirmed", "charge:resolved" -> Optional.of(PaymentStatus.PAID);
      case "charge:pending" -> Optional.of(PaymentStatus.PENDING);
      case "charge:failed" ->
          Optional.of(
              "EXPIRED".equals(timelineStatus) ? PaymentStatus.EXPIRED : PaymentStatus.FAILED);
      default -> Optional.empty();
    };
  }
}
