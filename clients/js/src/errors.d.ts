import type { PaymentOffer, Quote, X402Settlement } from './index.js';

/** Base of every error this package throws. */
export class FmuGatewayError extends Error {}

/** No HTTP answer at all: refused connection, DNS failure, time-out. */
export class GatewayUnreachableError extends FmuGatewayError {
  constructor(url: string, reason: string, options?: ErrorOptions);
  readonly url: string;
  readonly reason: string;
}

/** One invalid request field, as the client spelled it. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ApiErrorOptions {
  field?: string | null;
  errors?: FieldError[];
  instance?: string | null;
  body?: Record<string, unknown>;
  retryAfter?: number | null;
  headers?: Headers | null;
}

/** An RFC 9457 problem from the gateway: status, title, detail and the offending field. */
export class ApiError extends FmuGatewayError {
  constructor(status: number, title: string, detail: string, options?: ApiErrorOptions);
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  /** The first offending request field (snake_case, as sent), e.g. "stop_time". */
  readonly field: string | null;
  readonly errors: FieldError[];
  readonly instance: string | null;
  /** The whole problem document. */
  readonly body: Record<string, unknown>;
  /** Seconds to wait before retrying (429, 503). */
  readonly retryAfter: number | null;
  /** The limit a 400 or 429 names (its `limit` member). */
  readonly limit: string | null;
  /** The answer's headers. */
  readonly headers: Headers | null;
  static fromProblem(status: number, body: Record<string, unknown>, retryAfter?: number | null, headers?: Headers | null): ApiError;
}

/** HTTP 402: credits do not cover the run. `offer` says what it costs and where to pay. */
export class PaymentRequiredError extends ApiError {
  readonly offer: PaymentOffer;
  /** Where to pay; null for a quote (quote_only) or when the gateway takes no payments. */
  readonly checkoutUrl: string | null;
  readonly sessionId: string | null;
  readonly quote: Quote | null;
  readonly nextStep: string | null;
  /** The decoded PAYMENT-REQUIRED header (or the body's `x402`): null where x402 is not taken. */
  readonly x402: X402Required | null;
  /** The decoded PAYMENT-RESPONSE of a settlement that failed after the run. */
  readonly paymentResponse: X402Settlement | null;
}

/** x402's payment requirements (version 2). */
export interface X402Required {
  x402Version: number;
  error: string;
  resource: { url: string; description: string; mimeType: string };
  accepts: Array<{
    scheme: string;
    network: string;
    asset: string;
    amount: string;
    payTo: string;
    maxTimeoutSeconds: number;
    extra: { name: string; version: string };
  }>;
}

/** An x402 header (PAYMENT-REQUIRED, PAYMENT-RESPONSE) as an object; null when absent or malformed. */
export function decodeX402(header: string | null | undefined): Record<string, unknown> | null;

/** A checkout was still unpaid when the wait for it ran out. */
export class PaymentTimeoutError extends FmuGatewayError {
  constructor(sessionId: string, waitedMs: number);
  readonly sessionId: string;
  readonly waitedMs: number;
}
