package com.fmugateway.adapter.in.http.docs;

import com.fmugateway.adapter.in.http.payment.X402Wire;
import com.fmugateway.domain.billing.model.Pricing;
import com.fmugateway.domain.billing.model.X402Terms;

/**
 * The x402 section of {@code /llms-full.txt}, from the running configuration: the requirements a
 * payment for one run must meet when x402 is accepted, or that it is not.
 */
final class LlmsX402Txt {

  private LlmsX402Txt() {}

  static String section(String base, Pricing prices) {
    if (prices.x402().isEmpty()) {
      return "## Paying with x402\n\n"
          + "x402 is not accepted by this gateway: a 402 carries no `"
          + X402Wire.PAYMENT_REQUIRED
          + "` header, and a request with `"
          + X402Wire.PAYMENT_SIGNATURE
          + "` is refused with 400 naming it.\n\n";
    }
    X402Terms t = prices.x402().get();
    return "## Paying with x402\n\n"
        + "This gateway accepts x402 (https://www.x402.org) version 2 for a run or an"
        + " experiment: a stablecoin"
        + " transfer the agent signs itself, no checkout, no person. The API key is still needed;"
        + " the payment pays the run instead of credits.\n\n"
        + "1. Every 402 of `POST /simulate` (credits short, or `quote_only`) carries the header `"
        + X402Wire.PAYMENT_REQUIRED
        + "`: base64 JSON `{\"x402Version\":2,\"error\":\"…\",\"resource\":{\"url\":\""
        + base
        + "/simulate\",\"description\":\"One FMU simulation run\",\"mimeType\":"
        + "\"application/json\"},\"accepts\":[{\"scheme\":\""
        + t.scheme()
        + "\",\"network\":\""
        + t.network()
        + "\",\"asset\":\""
        + t.asset()
        + "\",\"amount\":\""
        + t.amount()
        + "\",\"payTo\":\""
        + t.payTo()
        + "\",\"maxTimeoutSeconds\":"
        + t.maxTimeoutSeconds()
        + ",\"extra\":{\"name\":\""
        + t.assetName()
        + "\",\"version\":\""
        + t.assetVersion()
        + "\"}}]}`; the body has the same object as `x402`. `amount` is the run price ("
        + prices.runPrice().display()
        + ") in the token's atomic units.\n"
        + "2. Send the same request again with `"
        + X402Wire.PAYMENT_SIGNATURE
        + "`: base64 JSON of the payment payload (`x402Version` 2, `resource`, `accepted`: the"
        + " requirement chosen, `payload`: `signature` and the EIP-3009 `authorization`), as any"
        + " x402 client builds it.\n"
        + "3. The gateway verifies it with its facilitator, runs, and settles only after a"
        + " successful run: the 200 carries `"
        + X402Wire.PAYMENT_RESPONSE
        + "`, base64 JSON `{\"success\":true,\"transaction\":\"0x…\",\"network\":\""
        + t.network()
        + "\",\"payer\":\"0x…\"}`.\n\n"
        + "A refused payment is a 402 whose `detail` (and the `error` of `"
        + X402Wire.PAYMENT_REQUIRED
        + "`) says why; a run that fails settles nothing and that payment is spent; a failed"
        + " settlement is a 402 with the failed `"
        + X402Wire.PAYMENT_RESPONSE
        + "` and no result. A header that is not base64 JSON of a version 2 payload is 400"
        + " naming `"
        + X402Wire.PAYMENT_SIGNATURE
        + "`. On `POST /experiments` (and an async `POST /simulate`) the requirements ask for"
        + " the price of all its runs, and a `PAYMENT-SIGNATURE` there buys the experiment's"
        + " credits, settled before its cases are queued; a case that fails or is cancelled"
        + " leaves its credits on the account. The MCP tools answer the same requirements as `x402` when credits are short; a tool"
        + " call cannot carry the header, so pay through `POST /simulate` or `POST /experiments`.\n\n";
  }
}
