package com.fmugateway.adapter.in.http.docs;

import com.fmugateway.domain.billing.model.Pricing;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.billing.port.in.GetPricingQuery;
import com.fmugateway.domain.checkout.model.CreditPack;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code GET /llms.txt} (the llms.txt convention): what the gateway does and how an agent gets a
 * key, quotes, pays and simulates, with the prices in force and links to the OpenAPI document.
 */
@RestController
@Hidden
class LlmsTxtController {

  private static final MediaType TEXT =
      new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

  private final GetPricingQuery pricing;

  LlmsTxtController(GetPricingQuery pricing) {
    this.pricing = pricing;
  }

  @GetMapping("/llms.txt")
  Mono<ResponseEntity<String>> llmsTxt(ServerHttpRequest request) {
    String base = base(request);
    return pricing
        .pricing()
        .map(prices -> ResponseEntity.ok().contentType(TEXT).body(text(base, prices)));
  }

  /** The long form: every endpoint with examples, the payment flows and the MCP tools. */
  @GetMapping("/llms-full.txt")
  Mono<ResponseEntity<String>> llmsFullTxt(ServerHttpRequest request) {
    String base = base(request);
    return pricing
        .pricing()
        .map(prices -> ResponseEntity.ok().contentType(TEXT).body(LlmsFullTxt.text(base, prices)));
  }

  private static String base(ServerHttpRequest request) {
    return UriComponentsBuilder.fromUri(request.getURI())
        .replacePath(null)
        .replaceQuery(null)
        .fragment(null)
        .build()
        .toUriString();
  }

  static String text(String base, Pricing prices) {
    String methods =
        prices.methods().stream().map(PaymentMethod::code).collect(Collectors.joining(", "));
    String packs =
        prices.packs().stream()
            .map(p -> "pack `" + p.id() + "`: " + p.runs() + " runs' worth for " + display(p))
            .collect(Collectors.joining("; "));
    long credits = prices.credits().baseCredits();
    return "# FMU Gateway\n\n"
        + "> Run FMI 2.0 simulations (FMUs) over a REST API and pay per run. Pick a built-in model"
        + " or upload an FMU, simulate it, and get columnar JSON or CSV back. A caller pays from"
        + " prepaid credits; when they are short, the answer is HTTP 402 with a checkout for that"
        + " very request, so an agent can pay and retry without a person.\n\n"
        + "Prices in force: a run costs "
        + credits
        + " credits; a new account gets "
        + prices.freeTier().monthlyCredits()
        + " free credits each month and may start "
        + prices.freeTier().runsPerMinute()
        + " runs a minute. Paid with money, one run costs "
        + prices.runPrice().display()
        + (packs.isEmpty() ? "" : "; credit packs: " + packs)
        + ". Payment methods: "
        + (methods.isEmpty() ? "none configured" : methods)
        + ".\n\n"
        + "## How an agent uses the API\n\n"
        + "1. Get a key: `POST /keys` (no authentication) answers `{\"key\": \"fmugw_…\"}`, shown"
        + " once. Send it as `Authorization: Bearer <key>` on every other request. Accounts with"
        + " email and password: `POST /signup`, `POST /login`.\n"
        + "2. Choose a model: `GET /library` lists the built-in ones (`msl:BouncingBall`, …);"
        + " `POST /fmus` uploads yours (multipart field `file`); `GET /fmus/{id}/variables` lists"
        + " a model's variables.\n"
        + "3. Quote: `POST /simulate` with `{\"fmu_id\": \"msl:BouncingBall\", \"quote_only\":"
        + " true}` answers 402 with the price; nothing runs, nothing is charged.\n"
        + "4. Simulate: `POST /simulate` with `{\"fmu_id\": \"msl:BouncingBall\", \"stop_time\":"
        + " 3, \"step\": 0.01}` answers 200 with `results` (time and one array per variable),"
        + " `kpis` and `cost`; send `Accept: text/csv` for CSV. `GET /runs` lists past runs.\n"
        + "5. Pay when credits are short: the 402 is problem+json with `checkout_url`,"
        + " `session_id`, the `quote` and `next_step`. Pay at `checkout_url`, poll"
        + " `GET /payments/checkout/{session_id}` (202 while pending) until it answers 200 with a"
        + " `payment_token`, then send the same `POST /simulate` again with `\"payment_token\"`"
        + " added: it pays for that one run. To pay ahead instead: `POST /pay` opens a checkout for"
        + " one run; `GET /credits/packs` and `POST /credits/checkout` buy credits, which then show"
        + " on `GET /account`. "
        + x402(prices)
        + "\n"
        + "6. Many runs of one model: `POST /experiments` with the /simulate fields plus `sweep`"
        + " (`full_factorial`, `latin_hypercube`, `sobol` or `cases`) queues them (202); follow"
        + " `GET /experiments/{id}` until it ends, then `GET /experiments/{id}/cases` (JSON, or"
        + " CSV with `Accept: text/csv`) gives each case's parameters and KPIs. Paid from"
        + " credits, every case's quote held up front.\n"
        + "7. Errors are RFC 9457 `application/problem+json`; a bad field is named in `field`."
        + " 429 and 503 carry `Retry-After`; a failed run costs nothing.\n\n"
        + "## MCP\n\n"
        + "AI agents with an MCP client can use the tools search_models, describe_model,"
        + " quote_simulation, simulate, start_experiment and get_experiment instead: the MCP"
        + " server (Streamable HTTP) is at `"
        + base
        + "/mcp`, with the same API key as `Authorization: Bearer <key>`.\n\n"
        + "## Docs\n\n"
        + "- [Everything in one document]("
        + base
        + "/llms-full.txt): every endpoint with examples, payments, the MCP tools\n"
        + "- ["
        + "OpenAPI 3.1 document]("
        + base
        + "/v3/api-docs): every operation, request and response schema, and problem type\n"
        + "- [Interactive API docs]("
        + base
        + "/docs): try the API in the browser\n"
        + "- [Health]("
        + base
        + "/health): 200 when the gateway and its database are up\n";
  }

  /** x402 as configured: the headers to use, or that it is off. */
  private static String x402(Pricing prices) {
    if (prices.x402().isEmpty()) {
      return "x402 payments are not accepted by this gateway.";
    }
    X402Terms terms = prices.x402().get();
    return "x402 (version 2) pays a run or an experiment without a checkout: the 402 also has a"
        + " `PAYMENT-REQUIRED` header (base64 JSON: "
        + terms.amount()
        + " atomic units per run of "
        + terms.asset()
        + " on "
        + terms.network()
        + " to "
        + terms.payTo()
        + "); retry with `PAYMENT-SIGNATURE`: a run's payment is settled only if the run"
        + " succeeds (the 200 carries `PAYMENT-RESPONSE`), an experiment's buys its runs'"
        + " credits before its cases are queued.";
  }

  private static String display(CreditPack pack) {
    return pack.price().display();
  }
}
