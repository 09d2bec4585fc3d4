// Types of the FMU Gateway client. Field names are the API's own (snake_case).

import {
  ApiError,
  FmuGatewayError,
  GatewayUnreachableError,
  PaymentRequiredError,
  PaymentTimeoutError,
  decodeX402,
} from './errors.js';

export {
  ApiError,
  FmuGatewayError,
  GatewayUnreachableError,
  PaymentRequiredError,
  PaymentTimeoutError,
  decodeX402,
};
export type { ApiErrorOptions, FieldError, X402Required } from './errors.js';

export const VERSION: string;
export const DEFAULT_URL: string;

/** ISO-8601 instant as the gateway writes it. */
export type Instant = string;

/** A new API key, shown once (POST /keys, POST /account/keys). */
export interface ApiKey {
  key: string;
  key_id: string;
  account_id: string;
  prefix: string;
}

/** One of the account's keys as listed: never the key itself. */
export interface ApiKeySummary {
  key_id: string;
  prefix: string;
  created_at: Instant;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
  active: boolean;
}

/** GET /account. */
export interface Account {
  id: string;
  created_at: Instant;
  tier: 'free' | 'pro' | 'enterprise' | string;
  credits: number;
  period: string;
  credits_granted_this_period: number;
  runs_this_period: number;
  spend_this_period: number;
}

export interface DefaultExperiment {
  start_time: number | null;
  stop_time: number | null;
  step_size: number | null;
  tolerance: number | null;
}

/** One built-in model (GET /library). */
export interface LibraryEntry {
  id: string;
  aliases: string[];
  model_name: string;
  fmi_version: string;
  guid: string;
  description: string;
  interfaces: Array<'cs' | 'me'>;
  default_experiment: DefaultExperiment | null;
}

/** An uploaded FMU or a library model (POST /fmus, GET /fmus/{id}). */
export interface Fmu {
  id: string;
  sha256: string;
  model_name: string;
  fmi_version: string;
  guid: string;
  description: string;
  interfaces: Array<'cs' | 'me'>;
  number_of_variables: number;
  default_experiment: DefaultExperiment | null;
  platforms: string[] | null;
  size_bytes: number | null;
  created_at: Instant | null;
  built_in: boolean;
}

/** One model variable, in FMI's vocabulary. */
export interface Variable {
  name: string;
  value_reference: number;
  type: 'Real' | 'Integer' | 'Boolean' | 'String' | 'Enumeration' | string;
  causality: string;
  variability: string;
  initial: string | null;
  start: string | null;
  min: number | null;
  max: number | null;
  nominal: number | null;
  unit: string | null;
  description: string | null;
}

export type StartValue = number | boolean | string;

export interface InputSignal {
  name: string;
  time: number[];
  /**
   * One per time, typed like a start value of the input; an Int64/UInt64 beyond 2^53 as a decimal
   * string (a JS number cannot hold it); for an array input, an array of its size (row-major).
   */
  values: Array<StartValue | StartValue[]>;
  interpolation?: 'linear' | 'hold';
}

/** The body of POST /simulate. */
export interface SimulateRequest {
  /** lib:Name, msl:Name, or the id of your upload. */
  fmu_id: string;
  start_time?: number;
  stop_time?: number;
  /** Output interval. */
  step?: number;
  start_values?: Record<string, StartValue>;
  input_signals?: InputSignal[];
  outputs?: string[];
  /** `<variable>_<rms|mean|min|max|peak|final>`. */
  kpis?: string[];
  interface?: 'cs' | 'me' | 'auto';
  /** Model exchange; `rosenbrock` for stiff models, `auto` switches to it when needed. */
  solver?: 'euler' | 'rk4' | 'dormand_prince' | 'dormand_prince_853' | 'rosenbrock' | 'auto';
  rtol?: number;
  atol?: number;
  payment_token?: string;
  payment_method?: 'card' | 'crypto';
  success_url?: string;
  cancel_url?: string;
  quote_only?: boolean;
  /** Queue the run as a one-case experiment; simulate() then gives that experiment (202). */
  async?: boolean;
}

/** What a run cost: credits, or a payment token and its checkout's amount. */
export interface Cost {
  credits: number;
  quoted_credits: number;
  paid_with: 'credits' | 'payment_token';
  session_id?: string;
  amount?: number;
  amount_minor?: number;
  currency?: string;
}

export interface Provenance {
  fmu_sha256: string;
  fmi_version: string;
  fmu_interface: 'cs' | 'me';
  solver: string | null;
  rtol: number | null;
  atol: number | null;
  gateway_version: string;
  wall_time_ms: number;
  cpu_time_ms: number;
  steps: number;
  events: number;
}

/** A finished run; `results` is columnar: `time` and one array per variable. */
export interface SimulationResult {
  run_id: string;
  fmu_id: string;
  status: 'ok';
  cost: Cost;
  results: { time: number[] } & Record<string, Array<number | boolean | string>>;
  /** Where a value was NaN or ±Infinity (already put back into `results` and `kpis` by the client). */
  non_finite?: { results?: Record<string, Record<string, 'NaN' | 'Infinity' | '-Infinity'>>; kpis?: Record<string, 'NaN' | 'Infinity' | '-Infinity'> };
  kpis: Record<string, number>;
  provenance: Provenance;
}

/** One metered run (GET /runs). */
export interface Run {
  id: string;
  fmu_id: string;
  fmu_sha256: string | null;
  fmu_interface: string | null;
  status: string;
  failure_cause: string | null;
  quoted_credits: number;
  cost_credits: number;
  cpu_time_ms: number;
  wall_time_ms: number;
  created_at: Instant;
}

/** The price of a run, in credits against the balance and in money. */
export interface Quote {
  fmu_id: string;
  credits: number;
  balance_credits: number;
  amount: number;
  amount_minor: number;
  currency: string;
}

/** The members of a 402 problem: the quote and, unless quote_only, a checkout for this run. */
export interface PaymentOffer {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  quote_credits?: number;
  balance_credits?: number;
  session_id?: string;
  checkout_url?: string;
  purpose?: 'run';
  amount?: number;
  amount_minor?: number;
  currency?: string;
  methods?: Array<'card' | 'crypto'>;
  payment_method?: 'card' | 'crypto';
  provider?: string;
  fmu_id?: string;
  expires_at?: Instant;
  next_step?: string;
  quote?: Quote;
  [member: string]: unknown;
}

/** A checkout opened with a payment provider (POST /pay, POST /credits/checkout). */
export interface Checkout {
  session_id: string;
  checkout_url: string;
  status: 'pending' | string;
  purpose: 'run' | 'credit_pack';
  amount: number;
  amount_minor: number;
  currency: string;
  methods: Array<'card' | 'crypto'>;
  payment_method: 'card' | 'crypto';
  provider: string;
  fmu_id?: string;
  pack?: string;
  credits?: number;
  expires_at: Instant;
  reused: boolean;
  next_step: string;
}

/** GET /payments/checkout/{id}: pending (202) or paid (200) with a token or a pack's credits. */
export interface CheckoutStatus {
  session_id: string;
  status: 'pending' | 'paid' | string;
  purpose: 'run' | 'credit_pack';
  payment_token?: string;
  expires_at?: Instant;
  checkout_url?: string;
  pack?: string;
  credits?: number;
  next_step: string;
  /** 200 once paid, 202 while pending. */
  http_status: number;
}

export interface PayRequest {
  fmu_id?: string;
  payment_method?: 'card' | 'crypto';
  success_url?: string;
  cancel_url?: string;
}

export interface CreditCheckoutRequest {
  pack: string;
  payment_method?: 'card' | 'crypto';
  success_url?: string;
  cancel_url?: string;
}

/** A credit pack on sale. */
export interface CreditPack {
  pack: string;
  runs: number;
  credits: number;
  amount: number;
  amount_minor: number;
  currency: string;
}

/** One parameter of a sweep, exactly one of these forms. */
export type SweepParameter =
  | { values: StartValue[] }
  | { range: { start: number; stop: number; num: number } }
  | { uniform: { min: number; max: number } }
  | { normal: { mean: number; std: number } };

export type SweepMethod = 'full_factorial' | 'latin_hypercube' | 'sobol' | 'cases';

/** The `sweep` of POST /experiments. */
export interface Sweep {
  method: SweepMethod;
  /** full_factorial, latin_hypercube, sobol: the parameters varied, by start value name. */
  parameters?: Record<string, SweepParameter>;
  /** latin_hypercube, sobol: how many cases to draw. */
  samples?: number;
  /** The same seed draws the same cases (default 0). */
  seed?: number;
  /** method "cases": each case's start values, laid over the shared `start_values`. */
  cases?: Array<{ start_values: Record<string, StartValue> }>;
}

/** The body of POST /experiments, a /simulate body plus the sweep (a payment token is refused). */
export interface ExperimentRequest extends Omit<SimulateRequest, 'quote_only' | 'async' | 'payment_token'> {
  sweep: Sweep;
  /** Told (POST, JSON) when the experiment ends. */
  callback_url?: string;
}

export type ExperimentStatus = 'queued' | 'running' | 'succeeded' | 'partially_failed' | 'failed' | 'cancelled';

export interface ExperimentCaseCounts {
  total: number;
  queued: number;
  running: number;
  succeeded: number;
  failed: number;
  cancelled: number;
}

/** An experiment's quote: `per_case` for each case, `credits` for all, held up front. */
export interface ExperimentQuote {
  credits: number;
  per_case: number;
  /** The account's balance: in the answer of quoteExperiment only. */
  balance_credits?: number;
}

/** An experiment (POST /experiments 202, GET /experiments/{id}, DELETE /experiments/{id}). */
export interface Experiment {
  experiment_id: string;
  status: ExperimentStatus;
  fmu_id: string;
  method: SweepMethod;
  cases: ExperimentCaseCounts;
  quote: ExperimentQuote;
  /** Credits held for the cases still open, and charged for the completed ones. */
  cost: { held: number; charged: number };
  created_at: Instant;
  started_at?: Instant;
  finished_at?: Instant;
  links: { self: string; cases: string };
  /** The answer's Location header (the 202 that created it); null otherwise. */
  location: string | null;
}

/** quoteExperiment's answer: the cases and their price; nothing held, no id. */
export interface ExperimentQuoteAnswer {
  status: 'quote';
  cases: ExperimentCaseCounts;
  quote: Required<ExperimentQuote>;
}

/** One page of GET /experiments (`page` counts from 1). */
export interface ExperimentPage {
  items: Experiment[];
  page: number;
  size: number;
  total: number;
  has_more: boolean;
}

/** One case of GET /experiments/{id}/cases. */
export interface ExperimentCase {
  index: number;
  /** The case's own start values. */
  parameters: Record<string, StartValue>;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  /** A NaN or ±Infinity KPI (spelt out on the wire) is a number again. */
  kpis: Record<string, number | null>;
  node: string | null;
  /** Why a failed case failed. */
  failure: string | null;
  /** Credits charged for it (0 unless it succeeded). */
  cost: number;
  /** The path of its full result. */
  result: string;
}

/** One page of GET /experiments/{id}/cases. */
export interface CasePage {
  items: ExperimentCase[];
  offset: number;
  limit: number;
  total: number;
}

export interface Page {
  limit?: number;
  offset?: number;
}

export interface ClientOptions {
  /** Per request (default 120 000). */
  timeoutMs?: number;
  /** How often a 429 or 503 with Retry-After is retried (nothing ran then). Default 2. */
  retries?: number;
  maxRetryWaitMs?: number;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface SimulateAndPayOptions {
  paymentMethod?: 'card' | 'crypto';
  /** Called with the 402 once a checkout is open: show `checkoutUrl` to whoever pays. */
  onCheckout?: (required: PaymentRequiredError) => void | Promise<void>;
  paymentTimeoutMs?: number;
  pollIntervalMs?: number;
  csv?: boolean;
}

export interface SimulateOptions {
  /** An x402 payment: the base64 PAYMENT-SIGNATURE value, signed for PaymentRequiredError.x402. */
  paymentSignature?: string;
}

/** The decoded PAYMENT-RESPONSE of an x402 settlement. */
export interface X402Settlement {
  success: boolean;
  errorReason?: string;
  transaction: string;
  network: string;
  payer?: string;
}

export interface WaitOptions<T> {
  timeoutMs?: number;
  intervalMs?: number;
  onPoll?: (status: T) => void;
}

/** A client of one FMU Gateway, authenticated by one API key. */
export class Client {
  constructor(url?: string, apiKey?: string | null, options?: ClientOptions);
  readonly url: string;
  readonly apiKey: string | null;

  /** A client for a brand-new account (POST /keys). */
  static withNewKey(url?: string, options?: ClientOptions): Promise<Client>;

  createKey(): Promise<ApiKey>;
  signUp(email: string, password: string): Promise<ApiKey>;
  logIn(email: string, password: string): Promise<ApiKey>;
  account(): Promise<Account>;
  keys(): Promise<ApiKeySummary[]>;
  addKey(): Promise<ApiKey>;
  revokeKey(keyId: string): Promise<void>;
  health(): Promise<Record<string, unknown>>;

  library(query?: string): Promise<LibraryEntry[]>;
  /** A file path, a Blob, or bytes; sent as the multipart field `file`. */
  upload(file: string | Blob | ArrayBuffer | ArrayBufferView, filename?: string): Promise<Fmu>;
  fmu(fmuId: string): Promise<Fmu>;
  variables(fmuId: string): Promise<Variable[]>;

  /** With `async: true`: 202, the queued one-case experiment. */
  simulate(request: SimulateRequest & { async: true }, options?: SimulateOptions): Promise<Experiment>;
  /**
   * Throws PaymentRequiredError (402) when credits are short, ApiError otherwise. With
   * `paymentSignature` (x402), the result's `payment_response` is the decoded settlement.
   */
  simulate(request: SimulateRequest & { async?: false }, options?: SimulateOptions): Promise<SimulationResult & { payment_response?: X402Settlement }>;
  simulateCsv(request: Omit<SimulateRequest, 'async'>): Promise<string>;
  /** The price only (quote_only): nothing runs, nothing is charged or opened. */
  quote(request: Omit<SimulateRequest, 'async'>): Promise<PaymentOffer>;
  simulateAndPay(request: Omit<SimulateRequest, 'async'>, options: SimulateAndPayOptions & { csv: true }): Promise<string>;
  simulateAndPay(request: Omit<SimulateRequest, 'async'>, options?: SimulateAndPayOptions): Promise<SimulationResult>;
  runs(options?: { limit?: number }): Promise<Run[]>;
  run(runId: string): Promise<Run>;

  pay(request?: PayRequest): Promise<Checkout>;
  creditPacks(): Promise<CreditPack[]>;
  buyCredits(request: CreditCheckoutRequest | string): Promise<Checkout>;
  checkout(sessionId: string): Promise<CheckoutStatus>;
  waitForPayment(sessionId: string, options?: WaitOptions<CheckoutStatus>): Promise<CheckoutStatus>;

  /**
   * POST /experiments: 202, queued. A 402 is a PaymentRequiredError with a checkout for the
   * credits missing; a tier limit an ApiError whose `limit` names it.
   */
  createExperiment(request: ExperimentRequest): Promise<Experiment>;
  /** The price (quote_only): nothing is held, queued or charged. */
  quoteExperiment(request: ExperimentRequest): Promise<ExperimentQuoteAnswer>;
  /** GET /experiments: one page of yours, newest first. */
  experiments(page?: { page?: number; size?: number }): Promise<ExperimentPage>;
  experiment(experimentId: string): Promise<Experiment>;
  /** One page of GET /experiments/{id}/cases (default limit 1,000). */
  experimentCases(experimentId: string, page?: Page): Promise<CasePage>;
  /** Every case, page by page. */
  iterExperimentCases(experimentId: string, options?: { pageSize?: number }): AsyncGenerator<ExperimentCase, void, void>;
  /** Accept: text/csv: index, status, a column per parameter and KPI, node, failure, cost. */
  experimentCasesCsv(experimentId: string, page?: Page): Promise<string>;
  /** GET /experiments/{id}/cases/{index}: the case's full result. */
  experimentCase(experimentId: string, index: number): Promise<SimulationResult>;
  experimentCaseCsv(experimentId: string, index: number): Promise<string>;
  /** DELETE /experiments/{id}: the experiment as it then stands. */
  cancelExperiment(experimentId: string): Promise<Experiment>;
  /** Polls until succeeded, partially_failed, failed or cancelled. */
  waitForExperiment(
    experimentId: string,
    options?: { timeoutMs?: number; intervalMs?: number; onProgress?: (experiment: Experiment) => void },
  ): Promise<Experiment>;
}

/** The JSON body of POST /simulate; an unknown field is a TypeError. */
export function simulateBody(request: Omit<SimulateRequest, 'async'>): SimulateRequest;

/** The JSON body of POST /experiments; an unknown field or a sweep without method is a TypeError. */
export function experimentBody(request: ExperimentRequest & { quote_only?: boolean }): ExperimentRequest;

export const SWEEP_METHODS: readonly SweepMethod[];

export function values(...values: StartValue[]): { values: StartValue[] };
export function range(start: number, stop: number, num: number): { range: { start: number; stop: number; num: number } };
export function uniform(min: number, max: number): { uniform: { min: number; max: number } };
export function normal(mean: number, std: number): { normal: { mean: number; std: number } };
export function sweep(
  method: SweepMethod,
  parameters?: Record<string, SweepParameter> | null,
  options?: { samples?: number; seed?: number; cases?: Sweep['cases'] },
): Sweep;
