"""Shared by the tests: the gateway under test, fresh accounts, and paying the sandbox's checkout.

The tests run against a real gateway at ``FMUGW_URL`` and skip, saying so, when it is unset.
"""

from __future__ import annotations

import os
import sys
import unittest
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional

CLIENT_ROOT = Path(__file__).resolve().parent.parent
if str(CLIENT_ROOT) not in sys.path:
    sys.path.insert(0, str(CLIENT_ROOT))

from fmugw import Client, PaymentOffer  # noqa: E402

GATEWAY_URL = os.environ.get("FMUGW_URL", "").strip()
NO_GATEWAY = (
    "FMUGW_URL is not set: these tests need a running gateway"
    " (e.g. FMUGW_URL=http://localhost:8080)"
)

if not GATEWAY_URL:
    sys.stderr.write(f"fmugw tests: {NO_GATEWAY}; the tests that need one are skipped.\n")

#: Runs per key stay under the free tier's 10 per minute.
RUNS_PER_KEY = 8


def require_gateway() -> str:
    if not GATEWAY_URL:
        raise unittest.SkipTest(NO_GATEWAY)
    return GATEWAY_URL


def upload_fixture() -> Optional[str]:
    """A built FMU to upload: ``FMUGW_TEST_FMU`` (the Maven build leaves them in
    adapters-fmi/target/classes/fmi/library/)."""
    path = os.environ.get("FMUGW_TEST_FMU", "").strip()
    return path if path and os.path.isfile(path) else None


def new_client() -> Client:
    return Client.with_new_key(require_gateway())


def drained_client() -> Client:
    """A new account whose credits no longer cover a run, with a key no run has used yet."""
    client = new_client()
    quote = client.quote("msl:BouncingBall")
    per_run = quote.quote.credits if quote.quote else 10
    runs_on_key = 0
    while client.account().credits >= per_run:
        if runs_on_key == RUNS_PER_KEY:
            client = Client(client.url, client.add_key().key)
            runs_on_key = 0
        client.simulate("msl:BouncingBall", stop_time=0.1, step=0.1)
        runs_on_key += 1
    return Client(client.url, client.add_key().key)


def require_sandbox(test: unittest.TestCase, offer: PaymentOffer) -> None:
    if offer.provider != "sandbox":
        test.skipTest(
            f"the gateway pays through {offer.provider!r}, not the offline sandbox: a test cannot pay"
        )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


def pay_sandbox_checkout(checkout_url: str) -> int:
    """Presses the sandbox checkout page's Pay button as a browser would: ``POST {url}/pay``.

    Returns the status, 303 (to the success URL) when it was paid.
    """
    opener = urllib.request.build_opener(_NoRedirect())
    page = urllib.request.Request(checkout_url, method="GET")
    with opener.open(page, timeout=30) as answer:
        assert answer.status == 200, f"the sandbox page answered {answer.status}"
    form = urllib.request.Request(
        checkout_url.rstrip("/") + "/pay",
        data=b"",
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with opener.open(form, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as answer:
        answer.close()
        return answer.code
