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
    Iterator,
    List,
    Literal,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypedDict,
    Union,
    cast,
    overload,
)

from ._http import Response, Transport, multipart_file
from .errors import ApiError, PaymentRequired, PaymentTimeout, decode_x402
from .models import (
    Account,
    ApiKey,
    ApiKeySummary,
    Checkout,
    CheckoutStatus,
    CreditPack,
    Experiment,
    ExperimentCase,
    ExperimentPage,
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

__all__ = ["Client", "ModelParams", "PaymentParams", "SimulateParams", "DEFAULT_URL"]

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


class PaymentParams(ModelParams, total=False):
    """How to pay when credits are short: the payment fields of ``/simulate`` and ``/experiments``."""

    payment_token: str
    payment_method: str
    success_url: str
    cancel_url: str


class SimulateParams(PaymentParams, total=False):
    """All optional fields of ``POST /simulate``: the model's, how to pay, and ``quote_only``."""

    quote_only: bool


_SIMULATE_FIELDS = (
    frozenset(SimulateParams.__annotations__)
    | frozenset(PaymentParams.__annotations__)
    | frozenset(ModelParams.__annotations__)
)


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
        """``GET /fmus/{id}/variables``, every page of it (the gateway sends a page at a time)."""
        path = f"/fmus/{_segment(fmu_id)}/variables"
        rows: List[Any] = []
        while True:
            answer = self._http.request("GET", path, query={"offset": len(rows)} if rows else None)
            page = answer.json() or []
            rows.extend(page)
            total = answer.headers.get("X-Total-Count")
            if not page or total is None or len(rows) >= int(total):
                return list_of(Variable, rows)

    # ---- simulation --------------------------------------------------------------------------

    @overload
    def simulate(
        self, fmu_id: str, *, async_: Literal[False] = ...,
        payment_signature: Optional[str] = ..., **params: Unpack[SimulateParams]
    ) -> SimulationResult: ...

    @overload
    def simulate(
        self, fmu_id: str, *, async_: Literal[True],
        payment_signature: Optional[str] = ..., **params: Unpack[SimulateParams]
    ) -> Experiment: ...

    def simulate(
        self, fmu_id: str, *, async_: bool = False, payment_signature: Optional[str] = None,
        **params: Unpack[SimulateParams]
    ) -> Union[SimulationResult, Experiment]:
        """``POST /simulate``, JSON results. Raises PaymentRequired (402) when credits are short.

        ``async_=True`` (``"async": true``): the run is queued as a one-case experiment and the
        answer is that experiment (202, ``location``): poll it with ``wait_for_experiment`` and
        read it with ``experiment_case(id, 0)``.

        ``payment_signature``: an x402 payment (the base64 ``PAYMENT-SIGNATURE`` value an x402
        library signs for ``PaymentRequired.x402``) that pays this run instead of credits; the
        decoded ``PAYMENT-RESPONSE`` settlement is then the result's ``payment_response``.
        """
        body = simulate_body(fmu_id, params)
        headers = {"PAYMENT-SIGNATURE": payment_signature} if payment_signature else None
        if async_:
            return self._simulate_async(body, headers)
        answer = self._http.request("POST", "/simulate", json_body=body, headers=headers)
        result = SimulationResult.from_json(answer.json())
        result.payment_response = decode_x402(answer.headers.get("PAYMENT-RESPONSE"))
        return result

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

    # ---- experiments ----------------------------------------------------------------------------

    def create_experiment(
        self,
        fmu_id: str,
        sweep: Mapping[str, Any],
        *,
        callback_url: Optional[str] = None,
        **params: Unpack[PaymentParams],
    ) -> Experiment:
        """``POST /experiments``: the ``/simulate`` body plus ``sweep`` (see ``fmugw.sweep``).

        202: the experiment, queued, with its case count, the quote held up front and
        ``location``. Raises PaymentRequired (402, with a checkout for the difference) when
        credits do not cover the quote, ApiError 400 naming ``cases_per_experiment`` or 429
        naming ``experiments_running`` (its ``limit``) when a tier limit is reached.
        """
        body = experiment_body(fmu_id, sweep, callback_url, params)
        return _experiment(self._http.request("POST", "/experiments", json_body=body))

    def quote_experiment(
        self, fmu_id: str, sweep: Mapping[str, Any], **params: Unpack[ModelParams]
    ) -> Experiment:
        """The price of an experiment (``quote_only``): nothing is held, queued or charged.

        The answer has ``status`` ``"quote"``, ``cases.total`` and ``quote`` (``credits``,
        ``per_case``, ``balance_credits``); it has no id.
        """
        body = experiment_body(fmu_id, sweep, None, dict(params, quote_only=True))
        return _experiment(self._http.request("POST", "/experiments", json_body=body))

    def experiments(self, *, page: int = 1, size: int = 20) -> ExperimentPage:
        """``GET /experiments``: one page of yours, newest first (``page`` counts from 1)."""
        payload = self._json("GET", "/experiments", query={"page": page, "size": size})
        return ExperimentPage.from_json(payload)

    def experiment(self, experiment_id: str) -> Experiment:
        """``GET /experiments/{id}``: status, case counts, credits held and charged."""
        return _experiment(self._http.request("GET", _experiment_path(experiment_id)))

    def experiment_cases(
        self, experiment_id: str, *, limit: Optional[int] = None, offset: Optional[int] = None
    ) -> List[ExperimentCase]:
        """``GET /experiments/{id}/cases``: one page of cases by index (the gateway's default
        ``limit`` is 1,000)."""
        return self._cases_page(experiment_id, limit, offset)[0]

    def iter_experiment_cases(self, experiment_id: str, *, page_size: int = 1000
                              ) -> Iterator[ExperimentCase]:
        """Every case, page by page (``limit``/``offset``), until the page's ``total``."""
        offset = 0
        while True:
            page, total = self._cases_page(experiment_id, page_size, offset)
            yield from page
            offset += len(page)
            if not page or offset >= total:
                return

    def experiment_cases_csv(
        self, experiment_id: str, *, limit: Optional[int] = None, offset: Optional[int] = None
    ) -> str:
        """The cases as CSV (``Accept: text/csv``; up to 10,000 rows unless ``limit``): ``index``,
        ``status``, one column per parameter and per KPI, then ``node``, ``failure``, ``cost``."""
        path = _experiment_path(experiment_id, "cases")
        query = {"limit": limit, "offset": offset}
        return self._http.request("GET", path, query=query, accept="text/csv").text()

    def experiment_case(self, experiment_id: str, index: int) -> SimulationResult:
        """``GET /experiments/{id}/cases/{index}``: the case's full result, as ``/simulate`` gives it."""
        path = _experiment_path(experiment_id, "cases", str(int(index)))
        return SimulationResult.from_json(self._json("GET", path))

    def experiment_case_csv(self, experiment_id: str, index: int) -> str:
        """One case's result as CSV, as ``/simulate`` writes it."""
        path = _experiment_path(experiment_id, "cases", str(int(index)))
        return self._http.request("GET", path, accept="text/csv").text()

    def cancel_experiment(self, experiment_id: str) -> Experiment:
        """``DELETE /experiments/{id}``: queued cases never start, running ones stop, unrun
        credits are released. Returns the experiment as it then stands."""
        return _experiment(self._http.request("DELETE", _experiment_path(experiment_id)))

    def wait_for_experiment(
        self,
        experiment_id: str,
        *,
        timeout: float = 3600.0,
        interval: float = 1.0,
        on_progress: Optional[Callable[[Experiment], None]] = None,
    ) -> Experiment:
        """Polls an experiment until it is succeeded, partially_failed, failed or cancelled;
        raises TimeoutError when ``timeout`` runs out (the experiment runs on)."""
        started = time.monotonic()
        while True:
            experiment = self.experiment(experiment_id)
            if on_progress is not None:
                on_progress(experiment)
            if experiment.finished:
                return experiment
            waited = time.monotonic() - started
            if waited >= timeout:
                raise TimeoutError(f"experiment {experiment_id} not finished after {timeout:.0f} s")
            time.sleep(min(interval, max(0.0, timeout - waited)))

    # ---- plumbing ----------------------------------------------------------------------------

    def _simulate_async(
        self, body: Dict[str, Any], headers: Optional[Mapping[str, str]]
    ) -> Experiment:
        body = dict(body, **{"async": True})
        return _experiment(self._http.request("POST", "/simulate", json_body=body, headers=headers))

    def _simulate(self, body: Dict[str, Any], csv: bool) -> Union[SimulationResult, str]:
        if csv:
            return self._http.request("POST", "/simulate", json_body=body, accept="text/csv").text()
        return SimulationResult.from_json(self._json("POST", "/simulate", json_body=body))

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._http.request(method, path, **kwargs).json()

    def _cases_page(
        self, experiment_id: str, limit: Optional[int], offset: Optional[int]
    ) -> Tuple[List[ExperimentCase], int]:
        query = {"limit": limit, "offset": offset}
        payload = self._json("GET", _experiment_path(experiment_id, "cases"), query=query) or {}
        return list_of(ExperimentCase, payload.get("items")), int(payload.get("total") or 0)


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


def experiment_body(
    fmu_id: str,
    sweep: Mapping[str, Any],
    callback_url: Optional[str],
    params: Mapping[str, Any],
) -> Dict[str, Any]:
    """The JSON body of ``POST /experiments``: a ``/simulate`` body plus ``sweep``."""
    if not isinstance(sweep, Mapping) or not sweep.get("method"):
        raise TypeError("sweep must be a mapping with a method (see fmugw.sweep.sweep)")
    body = simulate_body(fmu_id, params)
    body["sweep"] = dict(sweep)
    if callback_url is not None:
        body["callback_url"] = callback_url
    return body


def _experiment(answer: Response) -> Experiment:
    payload = answer.json()
    if not isinstance(payload, dict):
        raise ApiError(answer.status, "Unexpected answer", "expected an experiment object")
    experiment = Experiment.from_json(payload)
    experiment.location = answer.headers.get("Location")
    return experiment


def _experiment_path(experiment_id: str, *rest: str) -> str:
    return "/".join(["/experiments", _segment(experiment_id), *rest])


def _segment(value: str) -> str:
    return urllib.parse.quote(str(value), safe=":")


def _without_none(**values: Any) -> Dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}
