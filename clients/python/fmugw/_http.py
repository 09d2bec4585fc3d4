"""The HTTP exchange on urllib: JSON in, JSON or text out, problem+json to ApiError."""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any, Dict, Iterator, Mapping, Optional, Tuple, Union

from ._version import __version__
from .errors import ApiError, GatewayUnreachable

USER_AGENT = f"fmugw-python/{__version__}"

#: Statuses worth retrying after Retry-After: nothing ran (rate limit, queue full, provider down).
RETRYABLE = frozenset({429, 503})


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "") or ""

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None

    def text(self) -> str:
        return self.body.decode("utf-8")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The API never redirects; a redirect is answered as it is."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


class Transport:
    """Sends requests to one gateway with one API key (or none)."""

    def __init__(
        self,
        base_url: str,
        api_key: Optional[str],
        *,
        timeout: float = 120.0,
        retries: int = 2,
        max_retry_wait: float = 60.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.retries = retries
        self.max_retry_wait = max_retry_wait
        self._opener = urllib.request.build_opener(_NoRedirect())

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, Any]] = None,
        json_body: Any = None,
        body: Union[bytes, Iterator[bytes], None] = None,
        headers: Optional[Mapping[str, str]] = None,
        accept: str = "application/json",
        auth: bool = True,
    ) -> Response:
        """The answer when 2xx; raises ApiError (from its problem+json) otherwise."""
        url = self.base_url + path
        if query:
            params = {k: _query_value(v) for k, v in query.items() if v is not None}
            if params:
                url += "?" + urllib.parse.urlencode(params)
        all_headers = {"Accept": accept, "User-Agent": USER_AGENT}
        if json_body is not None:
            body = json.dumps(json_body).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        if auth and self.api_key:
            all_headers["Authorization"] = f"Bearer {self.api_key}"
        all_headers.update(headers or {})
        attempt = 0
        while True:
            response = self._send(method, url, body, all_headers)
            if 200 <= response.status < 300:
                return response
            error = _problem(response)
            replayable = not (body is not None and not isinstance(body, bytes))
            if (
                response.status in RETRYABLE
                and attempt < self.retries
                and replayable
                and error.retry_after is not None
                and error.retry_after <= self.max_retry_wait
            ):
                attempt += 1
                time.sleep(error.retry_after)
                continue
            raise error

    def _send(
        self,
        method: str,
        url: str,
        body: Union[bytes, Iterator[bytes], None],
        headers: Mapping[str, str],
    ) -> Response:
        req = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
        try:
            with self._opener.open(req, timeout=self.timeout) as answer:
                return Response(answer.status, _headers(answer.headers), answer.read())
        except urllib.error.HTTPError as answer:
            try:
                payload = answer.read()
            finally:
                answer.close()
            return Response(answer.code, _headers(answer.headers), payload)
        except urllib.error.URLError as e:
            raise GatewayUnreachable(self.base_url, str(e.reason)) from e
        except (socket.timeout, TimeoutError, ConnectionError) as e:
            raise GatewayUnreachable(self.base_url, str(e) or type(e).__name__) from e


def multipart_file(
    field: str, path: str, content_type: str = "application/octet-stream"
) -> Tuple[Iterator[bytes], Dict[str, str]]:
    """A ``multipart/form-data`` body with one file, streamed from disk, and its headers."""
    boundary = "fmugw-" + uuid.uuid4().hex
    filename = os.path.basename(path).replace('"', "%22").replace("\r", "").replace("\n", "")
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n"
    ).encode("utf-8")
    tail = f"\r\n--{boundary}--\r\n".encode("ascii")
    size = os.path.getsize(path)

    def chunks() -> Iterator[bytes]:
        yield head
        with open(path, "rb") as f:
            while True:
                chunk = f.read(1 << 16)
                if not chunk:
                    break
                yield chunk
        yield tail

    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Content-Length": str(len(head) + size + len(tail)),
    }
    return chunks(), headers


def _problem(response: Response) -> ApiError:
    body: Dict[str, Any] = {}
    try:
        parsed = response.json()
        if isinstance(parsed, dict):
            body = parsed
    except (ValueError, UnicodeDecodeError):
        pass
    if not body:
        text = response.body.decode("utf-8", "replace").strip()
        body = {"status": response.status, "detail": text[:500]}
    return ApiError.from_problem(
        response.status, body, _retry_after(response, body), response.headers
    )


def _retry_after(response: Response, body: Mapping[str, Any]) -> Optional[float]:
    for value in (response.headers.get("Retry-After"), body.get("retry_after")):
        try:
            if value is not None:
                return float(value)
        except (TypeError, ValueError):
            continue
    return None


def _headers(message: Any) -> Dict[str, str]:
    # Case-insensitive look-ups through email.message.Message, kept as a plain dict.
    return _CaseInsensitive((k, v) for k, v in message.items())


class _CaseInsensitive(dict):  # type: ignore[type-arg]
    def __init__(self, items: Any) -> None:
        super().__init__((str(k).lower(), v) for k, v in items)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        return super().get(key.lower(), default)


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
