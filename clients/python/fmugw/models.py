"""The gateway's answers as dataclasses, with the API's snake_case field names.

Every type keeps the JSON it was built from in ``raw``, so that a field added by a newer gateway
is never lost. Amounts of money are ``Decimal`` (``amount``) next to exact minor units
(``amount_minor``, cents); times are the gateway's ISO-8601 strings.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Type, TypedDict, TypeVar, Union

__all__ = [
    "ApiKey",
    "ApiKeySummary",
    "Account",
    "DefaultExperiment",
    "LibraryEntry",
    "Fmu",
    "Variable",
    "Cost",
    "Provenance",
    "SimulationResult",
    "Run",
    "Quote",
    "PaymentOffer",
    "Checkout",
    "CheckoutStatus",
    "CreditPack",
    "Experiment",
    "ExperimentCase",
    "ExperimentCaseCounts",
    "ExperimentCost",
    "ExperimentPage",
    "ExperimentQuote",
    "InputSignal",
    "StartValue",
]

T = TypeVar("T", bound="_Model")

#: The gateway writes amounts in major units with two decimals (1.00); JSON may drop the zeros.
_CENTS = Decimal("0.01")

#: A start value as the API takes it.
StartValue = Union[float, int, bool, str]


class InputSignal(TypedDict, total=False):
    """One input time series of ``POST /simulate`` (``interpolation``: linear or hold).

    ``values``: one per time, typed like a start value of the input (Python ints stay exact for
    Int64/UInt64); for an array input, a list of the input's size (row-major) per time.
    """

    name: str
    time: Sequence[float]
    values: Sequence[Union[StartValue, Sequence[StartValue]]]
    interpolation: str


class _Model:
    """Builds a dataclass from JSON: known fields by name, nested types by ``_nested``."""

    _nested: Dict[str, Any] = {}

    @classmethod
    def from_json(cls: Type[T], data: Mapping[str, Any]) -> T:
        values: Dict[str, Any] = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name == "raw":
                continue
            value = data.get(f.name)
            nested = cls._nested.get(f.name)
            if value is not None and nested is not None:
                value = nested(value)
            elif f.name == "amount" and value is not None:
                value = Decimal(str(value)).quantize(_CENTS)
            values[f.name] = value
        return cls(raw=dict(data), **values)  # type: ignore[call-arg]


def list_of(model: Type[T], items: Any) -> List[T]:
    """Each item of a JSON array as ``model``."""
    return [model.from_json(item) for item in items or []]


@dataclasses.dataclass
class ApiKey(_Model):
    """A new API key, shown once (``POST /keys``, ``POST /account/keys``)."""

    key: str
    key_id: str
    account_id: str
    prefix: str
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class ApiKeySummary(_Model):
    """One of the account's keys as listed: never the key itself."""

    key_id: str
    prefix: str
    created_at: Optional[str]
    last_used_at: Optional[str]
    revoked_at: Optional[str]
    active: bool
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class Account(_Model):
    """``GET /account``: tier, balance in credits, and this period's grant, runs and spend."""

    id: str
    created_at: Optional[str]
    tier: str
    credits: int
    period: Optional[str]
    credits_granted_this_period: int
    runs_this_period: int
    spend_this_period: int
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class DefaultExperiment(_Model):
    """The model author's suggested experiment; missing parts are None."""

    start_time: Optional[float]
    stop_time: Optional[float]
    step_size: Optional[float]
    tolerance: Optional[float]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class LibraryEntry(_Model):
    """One built-in model (``GET /library``)."""

    id: str
    aliases: List[str]
    model_name: str
    fmi_version: str
    guid: str
    description: str
    interfaces: List[str]
    default_experiment: Optional[DefaultExperiment]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    _nested = {"default_experiment": DefaultExperiment.from_json}


@dataclasses.dataclass
class Fmu(_Model):
    """An uploaded FMU or a library model (``POST /fmus``, ``GET /fmus/{id}``)."""

    id: str
    sha256: str
    model_name: str
    fmi_version: str
    guid: str
    description: str
    interfaces: List[str]
    number_of_variables: int
    default_experiment: Optional[DefaultExperiment]
    platforms: Optional[List[str]]
    size_bytes: Optional[int]
    created_at: Optional[str]
    built_in: bool
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    _nested = {"default_experiment": DefaultExperiment.from_json}


@dataclasses.dataclass
class Variable(_Model):
    """One model variable, in FMI's vocabulary (causality ``output``, variability ``continuous``)."""

    name: str
    value_reference: int
    type: str
    causality: str
    variability: str
    initial: Optional[str]
    start: Optional[str]
    min: Optional[float]
    max: Optional[float]
    nominal: Optional[float]
    unit: Optional[str]
    description: Optional[str]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class Cost(_Model):
    """What a run cost: credits, or a payment token (``paid_with``) and its checkout's amount."""

    credits: int
    quoted_credits: int
    paid_with: Optional[str]
    session_id: Optional[str]
    amount: Optional[Decimal]
    amount_minor: Optional[int]
    currency: Optional[str]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class Provenance(_Model):
    """How a result was made, for reproducing it."""

    fmu_sha256: str
    fmi_version: str
    fmu_interface: str
    solver: Optional[str]
    rtol: Optional[float]
    atol: Optional[float]
    gateway_version: Optional[str]
    wall_time_ms: float
    cpu_time_ms: float
    steps: int
    events: int
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class SimulationResult(_Model):
    """A finished run. ``results`` is columnar: ``time`` and one list per variable."""

    run_id: str
    fmu_id: str
    status: str
    cost: Cost
    results: Dict[str, List[Any]]
    kpis: Dict[str, float]
    provenance: Provenance
    #: The decoded ``PAYMENT-RESPONSE`` (x402 settlement) of a run paid with a payment signature.
    payment_response: Optional[Dict[str, Any]] = None
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    _nested = {"cost": Cost.from_json, "provenance": Provenance.from_json}

    def __post_init__(self) -> None:
        # JSON has no NaN or ±Infinity: the gateway sends null in their place and spells each one
        # in non_finite ("NaN", "Infinity", "-Infinity"). Put the floats back.
        non_finite = (self.raw or {}).get("non_finite") or {}
        for name, positions in (non_finite.get("results") or {}).items():
            column = (self.results or {}).get(name)
            if column is not None:
                for index, spelling in positions.items():
                    column[int(index)] = float(spelling)
        for name, spelling in (non_finite.get("kpis") or {}).items():
            if self.kpis is not None and name in self.kpis:
                self.kpis[name] = float(spelling)

    @property
    def time(self) -> List[float]:
        return list(self.results.get("time", []))

    @property
    def variables(self) -> List[str]:
        """The result's variable names, ``time`` excluded, in the gateway's order."""
        return [name for name in self.results if name != "time"]

    def rows(self) -> List[List[Any]]:
        """The samples as rows: ``[time, var1, var2, …]``."""
        columns = [self.results.get("time", [])] + [self.results[v] for v in self.variables]
        return [list(row) for row in zip(*columns)]


@dataclasses.dataclass
class Run(_Model):
    """One metered run (``GET /runs``): outcome, credits quoted and charged, time taken."""

    id: str
    fmu_id: str
    fmu_sha256: Optional[str]
    fmu_interface: Optional[str]
    status: str
    failure_cause: Optional[str]
    quoted_credits: int
    cost_credits: int
    cpu_time_ms: int
    wall_time_ms: int
    created_at: Optional[str]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class Quote(_Model):
    """The price of a run: in credits against the balance, or in money."""

    fmu_id: Optional[str]
    credits: int
    balance_credits: int
    amount: Optional[Decimal]
    amount_minor: Optional[int]
    currency: Optional[str]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    def price(self) -> str:
        """``10 credits or 1.00 USD``."""
        money = ""
        if self.amount is not None and self.currency:
            money = f" or {self.amount:.2f} {self.currency.upper()}"
        return f"{self.credits} credits{money}"


@dataclasses.dataclass
class PaymentOffer(_Model):
    """The members of a 402: the quote, and a checkout to pay this run (unless ``quote_only``)."""

    quote_credits: Optional[int]
    balance_credits: Optional[int]
    session_id: Optional[str]
    checkout_url: Optional[str]
    purpose: Optional[str]
    amount: Optional[Decimal]
    amount_minor: Optional[int]
    currency: Optional[str]
    methods: Optional[List[str]]
    payment_method: Optional[str]
    provider: Optional[str]
    fmu_id: Optional[str]
    expires_at: Optional[str]
    next_step: Optional[str]
    quote: Optional[Quote]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    _nested = {"quote": Quote.from_json}


@dataclasses.dataclass
class Checkout(_Model):
    """A checkout opened with a payment provider (``POST /pay``, ``POST /credits/checkout``)."""

    session_id: str
    checkout_url: Optional[str]
    status: str
    purpose: str
    amount: Optional[Decimal]
    amount_minor: int
    currency: str
    methods: List[str]
    payment_method: Optional[str]
    provider: Optional[str]
    fmu_id: Optional[str]
    pack: Optional[str]
    credits: Optional[int]
    expires_at: Optional[str]
    reused: Optional[bool]
    next_step: Optional[str]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class CheckoutStatus(_Model):
    """``GET /payments/checkout/{id}``: pending (202), or paid (200) with a token or credits."""

    session_id: str
    status: str
    purpose: str
    payment_token: Optional[str]
    expires_at: Optional[str]
    checkout_url: Optional[str]
    pack: Optional[str]
    credits: Optional[int]
    next_step: Optional[str]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    @property
    def paid(self) -> bool:
        return self.status == "paid"


@dataclasses.dataclass
class CreditPack(_Model):
    """A credit pack on sale: ``runs`` runs' worth of ``credits`` for ``amount``."""

    pack: str
    runs: int
    credits: int
    amount: Optional[Decimal]
    amount_minor: int
    currency: str
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class ExperimentCaseCounts(_Model):
    """How many of an experiment's cases are in each state."""

    total: int
    queued: int
    running: int
    succeeded: int
    failed: int
    cancelled: int
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    @property
    def done(self) -> int:
        """Cases that will not change any more: succeeded, failed or cancelled."""
        return (self.succeeded or 0) + (self.failed or 0) + (self.cancelled or 0)


@dataclasses.dataclass
class ExperimentCost(_Model):
    """Credits an experiment holds for the cases still to run, and credits charged so far."""

    held: int
    charged: int
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class ExperimentQuote(_Model):
    """An experiment's quote: ``per_case`` for each case, ``credits`` for all, held up front.

    ``balance_credits`` (the account's balance) comes with a ``quote_only`` answer only.
    """

    credits: int
    per_case: int
    balance_credits: Optional[int]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)


@dataclasses.dataclass
class Experiment(_Model):
    """A sweep whose cases run as queued simulations (``/experiments``).

    ``status``: queued, running, succeeded, partially_failed, failed or cancelled; ``"quote"``
    for the answer of ``quote_only``, which has no id, times or cost. ``location`` is the
    ``Location`` header of the 202 that created it.
    """

    experiment_id: Optional[str]
    status: str
    fmu_id: Optional[str]
    method: Optional[str]
    cases: ExperimentCaseCounts
    quote: Optional[ExperimentQuote]
    cost: Optional[ExperimentCost]
    created_at: Optional[str]
    started_at: Optional[str]
    finished_at: Optional[str]
    links: Optional[Dict[str, str]]
    location: Optional[str] = None
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    _nested = {
        "cases": ExperimentCaseCounts.from_json,
        "cost": ExperimentCost.from_json,
        "quote": ExperimentQuote.from_json,
    }

    #: queued and running change; these do not any more.
    FINISHED = frozenset({"succeeded", "partially_failed", "failed", "cancelled"})

    @property
    def id(self) -> Optional[str]:
        return self.experiment_id

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED


@dataclasses.dataclass
class ExperimentPage(_Model):
    """One page of ``GET /experiments``: ``page`` counts from 1; ``has_more`` when one follows."""

    items: List[Experiment]
    page: int
    size: int
    total: int
    has_more: bool
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    _nested = {"items": lambda items: list_of(Experiment, items)}


@dataclasses.dataclass
class ExperimentCase(_Model):
    """One row of ``GET /experiments/{id}/cases``: start values, status, KPIs, node and cost.

    ``status``: queued, running, succeeded, failed or cancelled. ``failure`` says why a case
    failed; ``cost`` is the credits charged for it (0 until it succeeded); ``result`` the path of
    its full result. A KPI the gateway spells ``"NaN"``/``"Infinity"`` is a float again.
    """

    index: int
    parameters: Dict[str, Any]
    status: str
    kpis: Dict[str, Optional[float]]
    node: Optional[str]
    failure: Optional[str]
    cost: int
    result: Optional[str]
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for name, value in list((self.kpis or {}).items()):
            if isinstance(value, str):
                self.kpis[name] = float(value)
