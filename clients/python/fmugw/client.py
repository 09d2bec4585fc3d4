"""The typed client: one method per endpoint of the gateway, plus the pay-and-rerun flow."""

from __future__ import annotations

import os
import time
import urllib.parse
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    List,
    Mapping,
    Optional,
    Sequence,
    TypedDict,
    Union,
    cast,
)

from ._http import Transport, multipart_file
from .errors import ApiError, NotServedYet, PaymentRequired, PaymentTimeout
from .models import (
    Account,
    ApiKey,
    ApiKeySummary,
    Checkout,
    CheckoutStatus,
    CreditPack,
    Experiment,
    ExperimentCase,
    Fmu,
    InputSignal,
    LibraryEntry,
    PaymentOffer,
    Run,
    SimulationResult,
    StartValue,
    Variable,
    list_of,
)

if TYPE_CHECKING:  # only for type checkers: no runtime dependency
    from typing_extensions import Unpack

__all__ = ["Client", "ModelParams", "SimulateParams", "DEFAULT_URL"]

DEFAULT_URL = "http://localhost:8080"


class ModelParams(TypedDict, total=False):
    """What to simulate and how: the optional fields of ``POST /simulate`` and of an experiment."""

    start_time: float
    stop_time: float
    step: float
    start_values: Mapping[str, StartValue]
    input_signals: Sequence[InputSignal]
    outputs: Sequence[str]
    kpis: Sequence[str]
    interface: str
    solver: str
    rtol: float
    atol: float


class SimulateParams(ModelParams, total=False):
    """All optional fields of ``POST /simulate``: the model's, and how to pay."""

    payment_token: str
    payment_method: str
    success_url: str
    cancel_url: str
    quote_only: bool


_SIMULATE_FIELDS = frozenset(SimulateParams.__annotations__) | frozenset(ModelParams.__annotations__)


class Client:
    """A client of one FMU Gateway, authenticated by one API key.

    >>> gw = Client("http://localhost:8080", "fmugw_…")
    >>> result = gw.simulate("msl:BouncingBall", stop_time=3, step=0.01, kpis=["h_max"])
    >>> result.kpis["h_max"]
    """

    def __init__(
        self,
        url: str = DEFAULT_URL,
        api_key: Optional[str] = None,
        *,
        timeout: float = 120.0,
        retries: int = 2,
    ) -> None:
        """``retries``: how often a 429 or 503 with Retry-After is retried (nothing ran then)."""
        self.url = url.rstrip("/")
        self.api_key = api_key
        self._http = Transport(self.url, api_key, timeout=timeout, retries=retries)

    def __repr__(self) -> str:
        return f"Client({self.url!r}, key={'set' if self.api_key else 'none'})"

    # ---- keys and accounts -------------------------------------------------------------------

    @classmethod
    def with_new_key(cls, url: str = DEFAULT_URL, **kwargs: Any) -> "Client":
        """A client for a brand-new account (``POST /keys``); its key is ``client.api_key``."""
        key = cls(url, None, **kwargs).create_key()
        return cls(url, key.key, **kwargs)

    def create_key(self) -> ApiKey:
        """``POST /keys``: a new account and its first key (no authentication). Shown once."""
        return ApiKey.from_json(self._json("POST", "/keys", auth=False))

    def sign_up(self, email: str, password: str) -> ApiKey:
        """``POST /signup``: an account with email and password, and its first key."""
        body = {"email": email, "password": password}
        return ApiKey.from_json(self._json("POST", "/signup", json_body=body, auth=False))

    def log_in(self, email: str, password: str) -> ApiKey:
        """``POST /login``: a new key for the account with this email and password."""
        body = {"email": email, "password": password}
        return ApiKey.from_json(self._json("POST", "/login", json_body=body, auth=False))

    def account(self) -> Account:
        """``GET /account``: tier, credits, this period's grant, runs and spend."""
        return Account.from_json(self._json("GET", "/account"))

    def keys(self) -> List[ApiKeySummary]:
        """``GET /account/keys``: this account's keys (prefixes only)."""
        return list_of(ApiKeySummary, self._json("GET", "/account/keys"))

    def add_key(self) -> ApiKey:
        """``POST /account/keys``: one more key for this account, shown once."""
        return ApiKey.from_json(self._json("POST", "/account/keys"))

    def revoke_key(self, key_id: str) -> None:
        """``DELETE /account/keys/{id}``: the key fails from its very next request."""
        self._http.request("DELETE", "/account/keys/" + _segment(key_id))

    def health(self) -> Dict[str, Any]:
        """``GET /health`` (no key needed)."""
        try:
            return dict(self._json("GET", "/health", auth=False))
        except ApiError as e:
            if e.status == 503 and e.body:
                return dict(e.body)
            raise

    # ---- models ------------------------------------------------------------------------------

    def library(self, query: Optional[str] = None) -> List[LibraryEntry]:
        """``GET /library``: the built-in models, filtered by name or description."""
        return list_of(LibraryEntry, self._json("GET", "/library", query={"query": query}))

    def upload(self, path: Union[str, "os.PathLike[str]"]) -> Fmu:
        """``POST /fmus``: upload an FMU file (streamed); the same bytes give the same record."""
        body, headers = multipart_file("file", str(path))
        answer = self._http.request("POST", "/fmus", body=body, headers=headers)
        return Fmu.from_json(answer.json())

    def fmu(self, fmu_id: str) -> Fmu:
        """``GET /fmus/{id}``: an upload of yours or a library model (``lib:Name``/``msl:Name``)."""
        return Fmu.from_json(self._json("GET", "/fmus/" + _segment(fmu_id)))

    def variables(self, fmu_id: str) -> List[Variable]:
        """``GET /fmus/{id}/variables``."""
        return list_of(Variable, self._json("GET", f"/fmus/{_segment(fmu_id)}/variables"))

    # ---- simulation --------------------------------------------------------------------------

    def simulate(self, fmu_id: str, **params: Unpack[SimulateParams]) -> SimulationResult:
        """``POST /simulate``, JSON results. Raises PaymentRequired (402) when credits are short."""
        return cast(SimulationResult, self._simulate(simulate_body(fmu_id, params), csv=False))

    def simulate_csv(self, fmu_id: str, **params: Unpack[SimulateParams]) -> str:
        """``POST /simulate`` with ``Accept: text/csv``: a header of ``time`` and the variables."""
        return cast(str, self._simulate(simulate_body(fmu_id, params), csv=True))

    def quote(self, fmu_id: str, **params: Unpack[SimulateParams]) -> PaymentOffer:
        """The price of this run (``quote_only``): nothing runs, nothing is charged or opened."""
        body = simulate_body(fmu_id, dict(params, quote_only=True))
        try:
            self._json("POST", "/simulate", json_body=body)
        except PaymentRequired as e:
            return e.offer
        raise ApiError(500, "Unexpected answer", "quote_only answered without a 402")

    def simulate_and_pay(
        self,
        fmu_id: str,
        *,
        payment_method: str = "card",
        on_checkout: Optional[Callable[[PaymentRequired], None]] = None,
        payment_timeout: float = 900.0,
        poll_interval: float = 2.0,
        csv: bool = False,
        success_url: Optional[str] = None,
        cancel_url: Optional[str] = None,
        **params: Unpack[ModelParams],
    ) -> Union[SimulationResult, str]:
        """Simulate; when a 402 opens a checkout, hand it to ``on_checkout`` (show the URL to a
        person), wait until it is paid and run again with its payment token.

        Returns a SimulationResult, or the CSV text with ``csv=True``.
        """
        body = simulate_body(fmu_id, params)
        checkout = {"payment_method": payment_method, "success_url": success_url,
                    "cancel_url": cancel_url}
        try:
            return self._simulate(dict(body, **_without_none(**checkout)), csv)
        except PaymentRequired as required:
            if not required.session_id:
                raise
            if on_checkout is not None:
                on_checkout(required)
            paid = self.wait_for_payment(
                required.session_id, timeout=payment_timeout, interval=poll_interval
            )
            if not paid.payment_token:
                raise
            return self._simulate(dict(body, payment_token=paid.payment_token), csv)

    def runs(self, limit: int = 50) -> List[Run]:
        """``GET /runs``: your newest runs."""
        return list_of(Run, self._json("GET", "/runs", query={"limit": limit}))

    def run(self, run_id: str) -> Run:
        """``GET /runs/{id}``."""
        return Run.from_json(self._json("GET", "/runs/" + _segment(run_id)))

    # ---- payments ----------------------------------------------------------------------------

    def pay(
        self,
        fmu_id: Optional[str] = None,
        *,
        payment_method: Optional[str] = None,
        success_url: Optional[str] = None,
        cancel_url: Optional[str] = None,
    ) -> Checkout:
        """``POST /pay``: a checkout for one run, paid up front (the same request: the same one)."""
        body = _without_none(
            fmu_id=fmu_id,
            payment_method=payment_method,
            success_url=success_url,
            cancel_url=cancel_url,
        )
        return Checkout.from_json(self._json("POST", "/pay", json_body=body))

    def credit_packs(self) -> List[CreditPack]:
        """``GET /credits/packs``."""
        return list_of(CreditPack, self._json("GET", "/credits/packs"))

    def buy_credits(
        self,
        pack: str,
        *,
        payment_method: Optional[str] = None,
        success_url: Optional[str] = None,
        cancel_url: Optional[str] = None,
    ) -> Checkout:
        """``POST /credits/checkout``: the credits land on the balance once paid."""
        body = _without_none(
            pack=pack, payment_method=payment_method, success_url=success_url, cancel_url=cancel_url
        )
        return Checkout.from_json(self._json("POST", "/credits/checkout", json_body=body))

    def checkout(self, session_id: str) -> CheckoutStatus:
        """``GET /payments/checkout/{id}``: ``paid`` with a token (or credits), or still pending.

        Raises ApiError 410 once it expired or its token was used, 404 for someone else's.
        """
        path = "/payments/checkout/" + _segment(session_id)
        return CheckoutStatus.from_json(self._json("GET", path))

    def wait_for_payment(
        self,
        session_id: str,
        *,
        timeout: float = 900.0,
        interval: float = 2.0,
        on_poll: Optional[Callable[[CheckoutStatus], None]] = None,
    ) -> CheckoutStatus:
        """Polls a checkout until it is paid; raises PaymentTimeout when ``timeout`` runs out."""
        started = time.monotonic()
        while True:
            status = self.checkout(session_id)
            if status.paid:
                return status
            if on_poll is not None:
                on_poll(status)
            waited = time.monotonic() - started
            if waited >= timeout:
                raise PaymentTimeout(session_id, waited)
            time.sleep(min(interval, max(0.0, timeout - waited)))

    # ---- experiments: PLANNED API, not served by today's gateway ------------------------------

    def create_experiment(
        self, fmu_id: str, sweep: Mapping[str, Any], **params: Unpack[ModelParams]
    ) -> Experiment:
        """PLANNED API: ``POST /experiments``, a simulate body plus ``sweep``
        (``{"k": [1, 2, 3]}``: one case per combination). Raises NotServedYet on today's gateway.
        """
        body = simulate_body(fmu_id, params)
        body["sweep"] = dict(sweep)
        return Experiment.from_json(self._planned("POST", "/experiments", json_body=body))

    def experiments(self) -> List[Experiment]:
        """PLANNED API: ``GET /experiments``. Raises NotServedYet on today's gateway."""
        return list_of(Experiment, _items(self._planned("GET", "/experiments")))

    def experiment(self, experiment_id: str) -> Experiment:
        """PLANNED API: ``GET /experiments/{id}``. Raises NotServedYet on today's gateway."""
        return Experiment.from_json(self._planned("GET", "/experiments/" + _segment(experiment_id)))

    def experiment_cases(self, experiment_id: str) -> List[ExperimentCase]:
        """PLANNED API: ``GET /experiments/{id}/cases``. Raises NotServedYet on today's gateway."""
        path = f"/experiments/{_segment(experiment_id)}/cases"
        return list_of(ExperimentCase, _items(self._planned("GET", path)))

    def delete_experiment(self, experiment_id: str) -> None:
        """PLANNED API: ``DELETE /experiments/{id}``. Raises NotServedYet on today's gateway."""
        self._planned("DELETE", "/experiments/" + _segment(experiment_id), expect_json=False)

    def wait_for_experiment(
        self,
        experiment_id: str,
        *,
        timeout: float = 3600.0,
        interval: float = 1.0,
        on_progress: Optional[Callable[[Experiment], None]] = None,
    ) -> Experiment:
        """PLANNED API: polls an experiment until it has finished."""
        started = time.monotonic()
        while True:
            experiment = self.experiment(experiment_id)
            if on_progress is not None:
                on_progress(experiment)
            if experiment.finished:
                return experiment
            if time.monotonic() - started >= timeout:
                raise TimeoutError(f"experiment {experiment_id} not finished after {timeout:.0f} s")
            time.sleep(interval)

    # ---- plumbing ----------------------------------------------------------------------------

    def _simulate(self, body: Dict[str, Any], csv: bool) -> Union[SimulationResult, str]:
        if csv:
            return self._http.request("POST", "/simulate", json_body=body, accept="text/csv").text()
        return SimulationResult.from_json(self._json("POST", "/simulate", json_body=body))

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._http.request(method, path, **kwargs).json()

    def _planned(self, method: str, path: str, expect_json: bool = True, **kwargs: Any) -> Any:
        try:
            answer = self._http.request(method, path, **kwargs)
        except ApiError as e:
            if _no_such_endpoint(e):
                raise NotServedYet(
                    e.status,
                    "Not served yet",
                    f"{method} {path} is part of the planned experiments API, which this gateway"
                    f" ({self.url}) does not serve yet: it answered {e.status} ({e.detail})",
                    body=e.body,
                ) from e
            raise
        return answer.json() if expect_json else None


def simulate_body(fmu_id: str, params: Mapping[str, Any]) -> Dict[str, Any]:
    """The JSON body of ``POST /simulate``; an unknown parameter is a TypeError, as in a call."""
    unknown = sorted(set(params) - _SIMULATE_FIELDS)
    if unknown:
        raise TypeError(f"unknown simulate parameter(s): {', '.join(unknown)}")
    body: Dict[str, Any] = {"fmu_id": fmu_id}
    for name, value in params.items():
        if value is None:
            continue
        if name in ("outputs", "kpis", "input_signals"):
            value = [dict(v) if isinstance(v, Mapping) else v for v in value]
        elif name == "start_values":
            value = dict(value)
        body[name] = value
    return body


def _no_such_endpoint(error: ApiError) -> bool:
    # A route the gateway does not have: 404 "No such endpoint" (or 405 for a known path).
    return error.status == 405 or (
        error.status == 404 and error.detail.lower().startswith("no such endpoint")
    )


def _items(payload: Any) -> List[Any]:
    """A list answer, bare or wrapped as ``{"items": […]}`` / ``{"experiments": […]}``."""
    if isinstance(payload, list):
        return payload
    if isinstance(payload, dict):
        for key in ("items", "experiments", "cases", "data"):
            if isinstance(payload.get(key), list):
                return list(payload[key])
    return []


def _segment(value: str) -> str:
    return urllib.parse.quote(str(value), safe=":")


def _without_none(**values: Any) -> Dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}
