// Errors of the client: every non-2xx answer becomes an ApiError built from problem+json.

/** Base of every error this package throws. */
export class FmuGatewayError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No HTTP answer at all: refused connection, DNS failure, time-out. */
export class GatewayUnreachableError extends FmuGatewayError {
  constructor(url, reason, options) {
    super(`cannot reach the gateway at ${url}: ${reason}`, options);
    this.url = url;
    this.reason = reason;
  }
}

/** An RFC 9457 problem from the gateway: status, title, detail and the offending field. */
export class ApiError extends FmuGatewayError {
  constructor(status, title, detail, { field = null, errors = [], instance = null, body = {}, retryAfter = null, headers = null } = {}) {
    super(detail ? `${status} ${title}: ${detail}` : `${status} ${title}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.field = field;
    this.errors = errors;
    this.instance = instance;
    this.body = body;
    this.retryAfter = retryAfter;
    /** The answer's headers (a fetch Headers), when there was an answer. */
    this.headers = headers;
  }

  /** The limit a 400 or 429 names (its `limit` member), e.g. "max_cases". */
  get limit() {
    return this.body?.limit === undefined || this.body?.limit === null ? null : String(this.body.limit);
  }

  /** The right subclass for a problem document (a 402 becomes PaymentRequiredError). */
  static fromProblem(status, body, retryAfter = null, headers = null) {
    const options = {
      field: body.field ?? null,
      errors: Array.isArray(body.errors) ? body.errors : [],
      instance: body.instance ?? null,
      body,
      retryAfter,
      headers,
    };
    const title = String(body.title ?? 'HTTP error');
    const detail = String(body.detail ?? '');
    return status === 402
      ? new PaymentRequiredError(status, title, detail, options)
      : new ApiError(status, title, detail, options);
  }
}

/**
 * HTTP 402: credits do not cover the run. `offer` says what it costs and where to pay.
 *
 * Where the gateway takes x402, `x402` is the decoded PAYMENT-REQUIRED header ({x402Version: 2,
 * error, resource, accepts: [...]}): sign one of `accepts` with an x402 library and pass it as
 * `simulate(request, { paymentSignature })`. After a run whose x402 payment could not be settled,
 * `paymentResponse` is the decoded failed PAYMENT-RESPONSE.
 */
export class PaymentRequiredError extends ApiError {
  constructor(status, title, detail, options) {
    super(status, title, detail, options);
    this.offer = { ...this.body };
    const member = this.body?.x402;
    this.x402 = decodeX402(this.headers?.get?.('payment-required'))
      ?? (member && typeof member === 'object' ? member : null);
    this.paymentResponse = decodeX402(this.headers?.get?.('payment-response'));
  }

  /** Where to pay; null for a quote (quote_only) or when the gateway takes no payments. */
  get checkoutUrl() {
    return this.offer.checkout_url ?? null;
  }

  get sessionId() {
    return this.offer.session_id ?? null;
  }

  get quote() {
    return this.offer.quote ?? null;
  }

  get nextStep() {
    return this.offer.next_step ?? null;
  }
}

/** A checkout was still unpaid when the wait for it ran out. */
export class PaymentTimeoutError extends FmuGatewayError {
  constructor(sessionId, waitedMs) {
    super(
      `checkout ${sessionId} still not paid after ${Math.round(waitedMs / 1000)} s; it stays payable` +
        ` until it expires: poll GET /payments/checkout/${sessionId}`,
    );
    this.sessionId = sessionId;
    this.waitedMs = waitedMs;
  }
}

/**
 * An x402 header (PAYMENT-REQUIRED, PAYMENT-RESPONSE): base64 JSON, as an object; null when
 * absent or not base64 JSON of an object.
 */
export function decodeX402(header) {
  if (!header) return null;
  try {
    const bytes = Uint8Array.from(atob(header.trim()), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}
