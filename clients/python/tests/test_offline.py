"""What needs no gateway: the config file, --vary, and the HTTP layer against a local stub."""

from __future__ import annotations

import io
import json
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from contextlib import redirect_stderr, redirect_stdout
from typing import Any, Dict, List, Tuple
from unittest import mock

import _support  # noqa: F401  (puts the package on sys.path)

from fmugw import ApiError, Client, NotServedYet, PaymentRequired, cli
from fmugw.config import config_path, read_config, resolve, write_config_value
from fmugw.sweep import parse_vary


class ConfigTest(unittest.TestCase):
    def test_path_followsXdgConfigHome(self) -> None:
        self.assertEqual(Path("/x/fmugw/config"), config_path({"XDG_CONFIG_HOME": "/x"}))
        self.assertEqual(Path.home() / ".config/fmugw/config", config_path({}))

    def test_flagWinsOverEnvironment_whichWinsOverTheFile(self) -> None:
        with tempfile.TemporaryDirectory() as home:
            path = Path(home) / "fmugw" / "config"
            write_config_value(path, "api_key", "from-file")
            write_config_value(path, "url", "http://file:1")
            write_config_value(path, "api_key", "from-file-2")
            self.assertEqual({"api_key": "from-file-2", "url": "http://file:1"}, read_config(path))
            self.assertEqual(0o600, path.stat().st_mode & 0o777)
            env = {"XDG_CONFIG_HOME": home}
            self.assertEqual(("http://file:1", "from-file-2"), resolve(None, None, env))
            env.update(FMUGW_URL="http://env:2", FMUGW_API_KEY="from-env")
            self.assertEqual(("http://env:2", "from-env"), resolve(None, None, env))
            self.assertEqual(("http://flag:3", "k"), resolve("http://flag:3", "k", env))

    def test_noConfigAnywhere_isTheLocalGatewayWithoutKey(self) -> None:
        with tempfile.TemporaryDirectory() as home:
            self.assertEqual(
                ("http://localhost:8080", None), resolve(None, None, {"XDG_CONFIG_HOME": home})
            )


class VaryTest(unittest.TestCase):
    def test_listsAndRanges(self) -> None:
        self.assertEqual(
            {"k": [1, 2.5, "x"], "c": [0.0, 0.5, 1.0]}, parse_vary(["k=1,2.5,x", "c=0:1:3"])
        )

    def test_malformed_isAValueError(self) -> None:
        for spec in (["k"], ["=1"], ["k=0:1"], ["k=1", "k=2"]):
            with self.subTest(spec=spec), self.assertRaises(ValueError):
                parse_vary(spec)


class _Stub(BaseHTTPRequestHandler):
    """Answers from a script of (status, headers, body) and records what it was sent."""

    script: List[Tuple[int, Dict[str, str], Any]] = []
    seen: List[Dict[str, Any]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.seen.append(
            {"method": self.command, "path": self.path, "headers": dict(self.headers),
             "body": self.rfile.read(length)}
        )
        status, headers, body = self.script.pop(0)
        payload = json.dumps(body).encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/problem+json" if status >= 400
                         else "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_DELETE = _answer

    def log_message(self, *args: Any) -> None:
        pass


class HttpLayerTest(unittest.TestCase):
    def setUp(self) -> None:
        _Stub.script, _Stub.seen = [], []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)
        self.client = Client(f"http://127.0.0.1:{self.server.server_port}", "fmugw_test")

    def test_429WithRetryAfter_isRetried(self) -> None:
        _Stub.script = [
            (429, {"Retry-After": "0"}, {"status": 429, "title": "Too Many Requests"}),
            (200, {}, []),
        ]
        self.assertEqual([], self.client.runs())
        self.assertEqual(2, len(_Stub.seen))
        self.assertEqual("Bearer fmugw_test", _Stub.seen[0]["headers"]["Authorization"])

    def test_402_isPaymentRequiredWithTheOffer(self) -> None:
        _Stub.script = [(402, {}, {
            "title": "Payment Required", "status": 402, "detail": "credits short",
            "session_id": "cs_1", "checkout_url": "https://pay/cs_1", "amount": 1.00,
            "amount_minor": 100, "currency": "usd", "next_step": "Pay",
            "quote": {"fmu_id": "lib:X", "credits": 10, "balance_credits": 0, "amount": 1.0,
                      "amount_minor": 100, "currency": "usd"}})]
        with self.assertRaises(PaymentRequired) as required:
            self.client.simulate("lib:X", stop_time=1, kpis=["y_max"])
        self.assertEqual("https://pay/cs_1", required.exception.checkout_url)
        self.assertEqual("cs_1", required.exception.session_id)
        self.assertEqual(10, required.exception.quote.credits)
        self.assertEqual("10 credits or 1.00 USD", required.exception.quote.price())
        self.assertEqual(
            {"fmu_id": "lib:X", "stop_time": 1, "kpis": ["y_max"]},
            json.loads(_Stub.seen[0]["body"]),
        )

    def test_aPlannedRoute404_isNotServedYet_butAnUnknownExperimentIsAPlain404(self) -> None:
        _Stub.script = [
            (404, {}, {"status": 404, "title": "Not Found",
                       "detail": "No such endpoint. The API is described at /docs."}),
            (404, {}, {"status": 404, "title": "Not Found", "detail": "no experiment exp-9"}),
        ]
        with self.assertRaises(NotServedYet):
            self.client.experiments()
        with self.assertRaises(ApiError) as missing:
            self.client.experiment("exp-9")
        self.assertNotIsInstance(missing.exception, NotServedYet)

    def test_sweepCommand_createsTheExperiment_drawsProgress_andPrintsTheCases(self) -> None:
        experiment = {"id": "exp-1", "fmu_id": "lib:BouncingBall", "cases_total": 2}
        _Stub.script = [
            (201, {}, dict(experiment, status="running", cases_done=0)),
            (200, {}, dict(experiment, status="running", cases_done=1)),
            (200, {}, dict(experiment, status="done", cases_done=2, cases_failed=0)),
            (200, {}, [{"index": 0, "status": "ok", "start_values": {"e": 0.5},
                        "kpis": {"h_max": 1.0}},
                       {"index": 1, "status": "ok", "start_values": {"e": 0.7},
                        "kpis": {"h_max": 1.0}}]),
        ]
        out, err = io.StringIO(), io.StringIO()
        with mock.patch("time.sleep"), redirect_stdout(out), redirect_stderr(err):
            code = cli.main(["--url", self.client.url, "--key", "fmugw_test", "sweep",
                             "msl:BouncingBall", "--vary", "e=0.5,0.7", "--stop", "1"])
        self.assertEqual(0, code, err.getvalue())
        self.assertEqual(
            {"fmu_id": "msl:BouncingBall", "stop_time": 1.0, "sweep": {"e": [0.5, 0.7]}},
            json.loads(_Stub.seen[0]["body"]),
        )
        self.assertEqual("/experiments/exp-1/cases", _Stub.seen[3]["path"])
        self.assertIn("] 1/2 cases (running)", err.getvalue())
        self.assertIn("[" + "#" * 30 + "] 2/2 cases (done)", err.getvalue())
        self.assertIn('{"e": 0.7}', out.getvalue())

    def test_upload_isMultipartWithTheFileField(self) -> None:
        _Stub.script = [(201, {}, {"id": "f1", "sha256": "ab", "model_name": "M",
                                   "fmi_version": "2.0", "guid": "g", "description": "",
                                   "interfaces": ["cs"], "number_of_variables": 0,
                                   "built_in": False})]
        with tempfile.NamedTemporaryFile(suffix=".fmu") as fmu:
            fmu.write(b"PK\x03\x04 bytes")
            fmu.flush()
            self.assertEqual("f1", self.client.upload(fmu.name).id)
            name = Path(fmu.name).name
        sent = _Stub.seen[0]
        boundary = sent["headers"]["Content-Type"].split("boundary=")[1]
        self.assertIn(
            f'Content-Disposition: form-data; name="file"; filename="{name}"'.encode(),
            sent["body"],
        )
        self.assertIn(b"PK\x03\x04 bytes\r\n--" + boundary.encode() + b"--\r\n", sent["body"])


if __name__ == "__main__":
    unittest.main()
