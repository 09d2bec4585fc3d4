package com.fmugateway.adapter.in.portal.ops;

import com.fmugateway.domain.shared.model.Money;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One table cell: {@code text} as shown (or {@code key}, a message to show instead), and {@code
 * value}, the plain figure that the CSV exports and the charts plot.
 */
public record CellView(String text, String value, String key) {

  static CellView of(String text, String value) {
    return new CellView(text, value, null);
  }

  static CellView of(long number) {
    return of(Long.toString(number), Long.toString(number));
  }

  static CellView of(String same) {
    return of(same, same);
  }

  /** A label from messages.properties on the page, {@code code} in the CSV. */
  static CellView label(String key, String code) {
    return new CellView(code, code, key);
  }

  /** Money in major units, e.g. 8.00, the same on the page and in the CSV. */
  static CellView money(Money money) {
    return of(money.decimal());
  }

  /** A share as a percentage on the page and as a fraction (0 to 1) in the CSV. */
  static CellView rate(OptionalDouble share) {
    if (share.isEmpty()) {
      return of("–", "");
    }
    double value = share.getAsDouble();
    return of(
        String.format(Locale.ROOT, "%.1f %%", value * 100),
        String.format(Locale.ROOT, "%.4f", value));
  }
}
