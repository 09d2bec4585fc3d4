"""Errors raised by the client: every non-2xx answer becomes an ApiError built from problem+json."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from .models import PaymentOffer, Quote, SimulationResult

__all__ = [
    "FmuGatewayError",
    "GatewayUnreachable",
    "ApiError",
    "PaymentRequired",
    "NotServedYet",
    "PaymentTimeout",
]


class FmuGatewayError(Exception):
    """Base of every error this package raises."""


class GatewayUnreachable(FmuGatewayError):
    """No HTTP answer at all: refused connection, DNS failure, time-out."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"cannot reach the gateway at {url}: {reason}")
        self.url = url
        self.reason = reason


class ApiError(FmuGatewayError):
    """An RFC 9457 problem from the gateway: status, title, detail and the offending field."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        *,
        field: Optional[str] = None,
        errors: Optional[List[Dict[str, str]]] = None,
        instance: Optional[str] = None,
        body: Optional[Mapping[str, Any]] = None,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(f"{status} {title}: {detail}" if detail else f"{status} {title}")
        self.status = status
        self.title = title
        self.detail = detail
        self.field = field
        self.errors: List[Dict[str, str]] = list(errors or [])
        self.instance = instance
        self.body: Dict[str, Any] = dict(body or {})
        self.retry_after = retry_after

    @property
    def limit(self) -> Optional[str]:
        """The limit a 400 or 429 names (its ``limit`` member), e.g. ``max_cases``."""
        return _str_or_none(self.body.get("limit"))

    @classmethod
    def from_problem(
        cls, status: int, body: Mapping[str, Any], retry_after: Optional[float] = None
    ) -> "ApiError":
        """The right subclass for a problem document (a 402 becomes PaymentRequired)."""
        kwargs: Dict[str, Any] = dict(
            field=_str_or_none(body.get("field")),
            errors=[e for e in body.get("errors") or [] if isinstance(e, dict)],
            instance=_str_or_none(body.get("instance")),
            body=body,
            retry_after=retry_after,
        )
        title = str(body.get("title") or _reason(status))
        detail = str(body.get("detail") or "")
        if status == 402:
            return PaymentRequired(status, title, detail, **kwargs)
        return cls(status, title, detail, **kwargs)


class PaymentRequired(ApiError):
    """HTTP 402: credits do not cover the run. ``offer`` says what it costs and where to pay."""

    def __init__(self, status: int, title: str, detail: str, **kwargs: Any) -> None:
        super().__init__(status, title, detail, **kwargs)
        self.offer = PaymentOffer.from_json(self.body)

    @property
    def checkout_url(self) -> Optional[str]:
        """Where to pay; None for a quote (``quote_only``) or when the gateway takes no payments."""
        return self.offer.checkout_url

    @property
    def session_id(self) -> Optional[str]:
        return self.offer.session_id

    @property
    def quote(self) -> Optional[Quote]:
        return self.offer.quote

    @property
    def next_step(self) -> Optional[str]:
        return self.offer.next_step


class NotServedYet(ApiError):
    """A planned endpoint (the experiments API) that this gateway does not serve yet.

    ``status`` is what the gateway answered: its "No such endpoint" 404, a 405, or for
    ``simulate(async_=True)`` the 200 of a run it did at once (ignoring ``async``), whose result
    is then ``result`` rather than lost.
    """

    def __init__(self, status: int, title: str, detail: str, **kwargs: Any) -> None:
        super().__init__(status, title, detail, **kwargs)
        self.result: Optional["SimulationResult"] = None


class PaymentTimeout(FmuGatewayError):
    """A checkout was still unpaid when the wait for it ran out."""

    def __init__(self, session_id: str, waited_seconds: float) -> None:
        super().__init__(
            f"checkout {session_id} still not paid after {waited_seconds:.0f} s;"
            f" it stays payable until it expires: poll GET /payments/checkout/{session_id}"
        )
        self.session_id = session_id
        self.waited_seconds = waited_seconds


def _str_or_none(value: Any) -> Optional[str]:
    return None if value is None else str(value)


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "HTTP error"
