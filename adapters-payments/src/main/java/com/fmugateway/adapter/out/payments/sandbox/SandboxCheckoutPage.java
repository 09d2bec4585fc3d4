package com.fmugateway.adapter.out.payments.sandbox;

import com.fmugateway.adapter.out.payments.support.Amounts;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import org.springframework.web.util.HtmlUtils;

/** The sandbox's checkout pages: small, self-contained HTML with no external assets. */
final class SandboxCheckoutPage {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;"
          + "color:#222}.note{background:#fff4ce;border:1px solid #e0c060;padding:.5rem .75rem;"
          + "border-radius:.375rem;font-size:.9rem}.amount{font-size:2rem;margin:.5rem 0}"
          + "form{display:inline}button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem;"
          + "border-radius:.375rem;border:1px solid #888;cursor:pointer}"
          + "button.pay{background:#1a7f37;color:#fff;border-color:#1a7f37}";

  private SandboxCheckoutPage() {}

  /** The page of a checkout still waiting for payment. */
  static String open(SandboxSession session) {
    CheckoutRequest request = session.request();
    // Relative to the page's own URL, so that a proxy's path prefix is kept.
    String action = escape(session.id());
    return page(
        "Sandbox checkout",
        "<p class=\"amount\">"
            + escape(Amounts.decimal(request.amount()) + " " + Amounts.code(request.amount()))
            + "</p><p>"
            + escape(request.description())
            + "</p><p>Pay by "
            + escape(request.method().code())
            + " before "
            + escape(session.expiresAt().toString())
            + ".</p><form method=\"post\" action=\""
            + action
            + "/pay\"><button class=\"pay\" type=\"submit\">Pay</button></form>"
            + "<form method=\"post\" action=\""
            + action
            + "/cancel\"><button type=\"submit\">Cancel</button></form>");
  }

  /** A page that only says something: paid already, expired, unknown. */
  static String message(String title, String text, String link) {
    String continuation =
        link == null ? "" : "<p><a href=\"" + escape(link) + "\">Continue</a></p>";
    return page(title, "<p>" + escape(text) + "</p>" + continuation);
  }

  private static String page(String title, String content) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body><h1>"
        + escape(title)
        + "</h1><p class=\"note\">Sandbox payment provider: no money moves. Paying here grants"
        + " credits for free; it is never active with live payment keys.</p>"
        + content
        + "</body></html>";
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
