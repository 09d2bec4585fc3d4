// Types of the FMU Gateway client. Field names are the API's own (snake_case).

import {
  ApiError,
  FmuGatewayError,
  GatewayUnreachableError,
  NotServedYetError,
  PaymentRequiredError,
  PaymentTimeoutError,
} from './errors.js';

export {
  ApiError,
  FmuGatewayError,
  GatewayUnreachableError,
  NotServedYetError,
  PaymentRequiredError,
  PaymentTimeoutError,
};
export type { ApiErrorOptions, FieldError } from './errors.js';

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
  values: number[];
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
  solver?: 'euler' | 'rk4' | 'dormand_prince' | 'dormand_prince_853';
  rtol?: number;
  atol?: number;
  payment_token?: string;
  payment_method?: 'card' | 'crypto';
  success_url?: string;
  cancel_url?: string;
  quote_only?: boolean;
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

/** PLANNED API: a simulate body plus the sweep, e.g. `{e: [0.5, 0.7, 0.9]}` (one case per combination). */
export interface ExperimentRequest extends Omit<SimulateRequest, 'quote_only' | 'payment_token'> {
  sweep: Record<string, StartValue[]>;
}

/** PLANNED API: an experiment. Field names follow the planned API. */
export interface Experiment {
  id: string;
  status: string;
  fmu_id?: string;
  sweep?: Record<string, StartValue[]>;
  cases_total?: number;
  cases_done?: number;
  cases_failed?: number;
  created_at?: Instant;
  [member: string]: unknown;
}

/** PLANNED API: one case of an experiment. */
export interface ExperimentCase {
  index?: number;
  status?: string;
  start_values?: Record<string, StartValue>;
  run_id?: string;
  kpis?: Record<string, number>;
  error?: string;
  [member: string]: unknown;
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

  /** Throws PaymentRequiredError (402) when credits are short, ApiError otherwise. */
  simulate(request: SimulateRequest): Promise<SimulationResult>;
  simulateCsv(request: SimulateRequest): Promise<string>;
  /** The price only (quote_only): nothing runs, nothing is charged or opened. */
  quote(request: SimulateRequest): Promise<PaymentOffer>;
  simulateAndPay(request: SimulateRequest, options: SimulateAndPayOptions & { csv: true }): Promise<string>;
  simulateAndPay(request: SimulateRequest, options?: SimulateAndPayOptions): Promise<SimulationResult>;
  runs(options?: { limit?: number }): Promise<Run[]>;
  run(runId: string): Promise<Run>;

  pay(request?: PayRequest): Promise<Checkout>;
  creditPacks(): Promise<CreditPack[]>;
  buyCredits(request: CreditCheckoutRequest | string): Promise<Checkout>;
  checkout(sessionId: string): Promise<CheckoutStatus>;
  waitForPayment(sessionId: string, options?: WaitOptions<CheckoutStatus>): Promise<CheckoutStatus>;

  /** PLANNED API: throws NotServedYetError on today's gateway. */
  createExperiment(request: ExperimentRequest): Promise<Experiment>;
  /** PLANNED API: throws NotServedYetError on today's gateway. */
  experiments(): Promise<Experiment[]>;
  /** PLANNED API: throws NotServedYetError on today's gateway. */
  experiment(experimentId: string): Promise<Experiment>;
  /** PLANNED API: throws NotServedYetError on today's gateway. */
  experimentCases(experimentId: string): Promise<ExperimentCase[]>;
  /** PLANNED API: throws NotServedYetError on today's gateway. */
  deleteExperiment(experimentId: string): Promise<void>;
  /** PLANNED API: polls until the experiment has finished. */
  waitForExperiment(
    experimentId: string,
    options?: { timeoutMs?: number; intervalMs?: number; onProgress?: (experiment: Experiment) => void },
  ): Promise<Experiment>;
}

/** The JSON body of POST /simulate; an unknown field is a TypeError. */
export function simulateBody(request: SimulateRequest): SimulateRequest;
