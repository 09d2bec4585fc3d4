"""Errors raised by the client: every non-2xx answer becomes an ApiError built from problem+json."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Dict, List, Mapping, Optional

from .models import PaymentOffer, Quote

__all__ = [
    "FmuGatewayError",
    "GatewayUnreachable",
    "ApiError",
    "PaymentRequired",
    "PaymentTimeout",
    "decode_x402",
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
        headers: Optional[Mapping[str, str]] = None,
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
        #: The answer's headers (case-insensitive ``get``).
        self.headers: Mapping[str, str] = headers if headers is not None else {}

    @property
    def limit(self) -> Optional[str]:
        """The limit a 400 or 429 names (its ``limit`` member), e.g. ``max_cases``."""
        return _str_or_none(self.body.get("limit"))

    @classmethod
    def from_problem(
        cls,
        status: int,
        body: Mapping[str, Any],
        retry_after: Optional[float] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> "ApiError":
        """The right subclass for a problem document (a 402 becomes PaymentRequired)."""
        kwargs: Dict[str, Any] = dict(
            field=_str_or_none(body.get("field")),
            errors=[e for e in body.get("errors") or [] if isinstance(e, dict)],
            instance=_str_or_none(body.get("instance")),
            body=body,
            retry_after=retry_after,
            headers=headers,
        )
        title = str(body.get("title") or _reason(status))
        detail = str(body.get("detail") or "")
        if status == 402:
            return PaymentRequired(status, title, detail, **kwargs)
        return cls(status, title, detail, **kwargs)


class PaymentRequired(ApiError):
    """HTTP 402: credits do not cover the run. ``offer`` says what it costs and where to pay.

    Where the gateway takes x402, ``x402`` is the decoded ``PAYMENT-REQUIRED`` header
    (``{"x402Version": 2, "error", "resource", "accepts": [...]}``): sign one of ``accepts`` with an
    x402 library and pass it as ``simulate(..., payment_signature=...)``. After a run whose x402
    payment could not be settled, ``payment_response`` is the decoded failed ``PAYMENT-RESPONSE``.
    """

    def __init__(self, status: int, title: str, detail: str, **kwargs: Any) -> None:
        super().__init__(status, title, detail, **kwargs)
        self.offer = PaymentOffer.from_json(self.body)
        member = self.body.get("x402")
        self.x402: Optional[Dict[str, Any]] = decode_x402(
            self.headers.get("PAYMENT-REQUIRED")
        ) or (dict(member) if isinstance(member, Mapping) else None)
        self.payment_response = decode_x402(self.headers.get("PAYMENT-RESPONSE"))

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


class PaymentTimeout(FmuGatewayError):
    """A checkout was still unpaid when the wait for it ran out."""

    def __init__(self, session_id: str, waited_seconds: float) -> None:
        super().__init__(
            f"checkout {session_id} still not paid after {waited_seconds:.0f} s;"
            f" it stays payable until it expires: poll GET /payments/checkout/{session_id}"
        )
        self.session_id = session_id
        self.waited_seconds = waited_seconds


def decode_x402(header: Optional[str]) -> Optional[Dict[str, Any]]:
    """An x402 header (``PAYMENT-REQUIRED``, ``PAYMENT-RESPONSE``): base64 JSON, as a dict.

    None when there is no such header or it is not base64 JSON of an object.
    """
    if not header:
        return None
    try:
        value = json.loads(base64.b64decode(header.strip(), validate=True).decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


def _str_or_none(value: Any) -> Optional[str]:
    return None if value is None else str(value)


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "HTTP error"
