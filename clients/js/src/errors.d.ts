import type { PaymentOffer, Quote, SimulationResult } from './index.js';

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
  static fromProblem(status: number, body: Record<string, unknown>, retryAfter?: number | null): ApiError;
}

/** HTTP 402: credits do not cover the run. `offer` says what it costs and where to pay. */
export class PaymentRequiredError extends ApiError {
  readonly offer: PaymentOffer;
  /** Where to pay; null for a quote (quote_only) or when the gateway takes no payments. */
  readonly checkoutUrl: string | null;
  readonly sessionId: string | null;
  readonly quote: Quote | null;
  readonly nextStep: string | null;
}

/**
 * A planned endpoint (the experiments API) that this gateway does not serve yet: its "No such
 * endpoint" 404, a 405, or for simulate with `async` the 200 of a run done at once (`result`).
 */
export class NotServedYetError extends ApiError {
  /** simulate with `async` on a gateway that ignored it: the run's result, not lost. */
  result: SimulationResult | null;
}

/** A checkout was still unpaid when the wait for it ran out. */
export class PaymentTimeoutError extends FmuGatewayError {
  constructor(sessionId: string, waitedMs: number);
  readonly sessionId: string;
  readonly waitedMs: number;
}
