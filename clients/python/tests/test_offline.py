"""What needs no gateway: the config file, --vary, and the HTTP layer against a local stub."""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from contextlib import redirect_stderr, redirect_stdout
from typing import Any, Dict, List, Tuple
from unittest import mock

import _support  # noqa: F401  (puts the package on sys.path)

import base64

from fmugw import ApiError, Client, PaymentRequired, cli
from fmugw.config import config_path, read_config, resolve, write_config_value
from fmugw.sweep import parse_case, parse_param, sweep, uniform, values


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


class NonFiniteTest(unittest.TestCase):
    def test_nullsSpeltInNonFinite_areFloatsAgain(self) -> None:
        from fmugw.models import SimulationResult

        result = SimulationResult.from_json({
            "run_id": "r1", "fmu_id": "lib:X", "status": "ok",
            "cost": {"credits": 10, "quoted_credits": 10, "paid_with": "credits"},
            "results": {"time": [0, 1, 2], "h": [1.0, None, None]}, "kpis": {"h_max": None},
            "provenance": {},
            "non_finite": {"results": {"h": {"1": "Infinity", "2": "NaN"}}, "kpis": {"h_max": "-Infinity"}},
        })

        self.assertEqual(result.results["h"][0], 1.0)
        self.assertEqual(result.results["h"][1], float("inf"))
        self.assertNotEqual(result.results["h"][2], result.results["h"][2])  # NaN
        self.assertEqual(result.kpis["h_max"], float("-inf"))


class SweepSpecTest(unittest.TestCase):
    def test_paramForms_areTheApisParameterObjects(self) -> None:
        self.assertEqual(("k", {"uniform": {"min": 0.0, "max": 1.0}}), parse_param("k=uniform:0:1"))
        self.assertEqual(("c", {"values": [1, 2.5, "x", True]}),
                         parse_param("c=values:1,2.5,x,true"))
        self.assertEqual(("d", {"range": {"start": 0.0, "stop": 1.0, "num": 5}}),
                         parse_param("d=range:0:1:5"))
        self.assertEqual(("g", {"normal": {"mean": 9.81, "std": 0.1}}),
                         parse_param("g=normal:9.81:0.1"))
        self.assertEqual({"start_values": {"k": 1, "c": "x"}}, parse_case("k=1,c=x"))

    def test_malformed_isAValueError(self) -> None:
        for spec in ("k", "=values:1", "k=1,2", "k=values:", "k=range:0:1", "k=range:0:1:0",
                     "k=range:0:1:2.5", "k=uniform:0", "k=uniform:a:b", "k=normal:0:1:2",
                     "k=poisson:1"):
            with self.subTest(spec=spec), self.assertRaises(ValueError):
                parse_param(spec)

    def test_sweep_leavesOutWhatIsNotGiven_andKnowsTheMethods(self) -> None:
        self.assertEqual({"method": "sobol", "parameters": {"k": {"uniform": {"min": 0, "max": 1}}},
                          "samples": 64}, sweep("sobol", {"k": uniform(0, 1)}, samples=64))
        self.assertEqual({"method": "cases", "cases": [{"start_values": {"k": 1}}]},
                         sweep("cases", cases=[{"start_values": {"k": 1}}]))
        with self.assertRaises(ValueError):
            sweep("grid", {"k": values(1, 2)})


class _Stub(BaseHTTPRequestHandler):
    """Answers from a script of (status, headers, body) and records what it was sent.

    A body of bytes or str is sent as it is (with the script's Content-Type), anything else as JSON.
    """

    script: List[Tuple[int, Dict[str, str], Any]] = []
    seen: List[Dict[str, Any]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.seen.append(
            {"method": self.command, "path": self.path, "headers": dict(self.headers),
             "body": self.rfile.read(length)}
        )
        status, headers, body = self.script.pop(0)
        if isinstance(body, bytes):
            payload = body
        elif isinstance(body, str):
            payload = body.encode()
        else:
            payload = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if "Content-Type" not in headers and payload:
            self.send_header("Content-Type", "application/problem+json" if status >= 400
                             else "application/json")
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_DELETE = _answer

    def log_message(self, *args: Any) -> None:
        pass


_RESULT = {"run_id": "r1", "fmu_id": "lib:BouncingBall", "status": "ok",
           "cost": {"credits": 10, "quoted_credits": 10, "paid_with": "credits"},
           "results": {"time": [0.0, 1.0], "h": [1.0, 0.5]}, "kpis": {"h_max": 1.0},
           "provenance": {"fmu_sha256": "ab", "fmi_version": "2.0", "fmu_interface": "cs",
                          "wall_time_ms": 1, "cpu_time_ms": 1, "steps": 2, "events": 0}}


def _experiment(status: str, **counts: int) -> Dict[str, Any]:
    """An experiment as the gateway writes it (null members left out)."""
    cases = dict({"total": 3, "queued": 0, "running": 0, "succeeded": 0, "failed": 0,
                  "cancelled": 0}, **counts)
    return {"experiment_id": "exp-1", "status": status, "fmu_id": "lib:BouncingBall",
            "method": "full_factorial", "cases": cases,
            "quote": {"credits": 10 * cases["total"], "per_case": 10},
            "cost": {"held": 10 * (cases["queued"] + cases["running"]),
                     "charged": 10 * cases["succeeded"]},
            "created_at": "2026-12-02T12:00:00Z",
            "links": {"self": "/experiments/exp-1", "cases": "/experiments/exp-1/cases"}}


def _b64(value: Any) -> str:
    return base64.b64encode(json.dumps(value).encode()).decode()


class HttpLayerTest(unittest.TestCase):
    def setUp(self) -> None:
        _Stub.script, _Stub.seen = [], []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)
        self.client = Client(f"http://127.0.0.1:{self.server.server_port}", "fmugw_test")
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def cli(self, *argv: str) -> Tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with mock.patch("time.sleep"), redirect_stdout(out), redirect_stderr(err):
            code = cli.main(["--url", self.client.url, "--key", "fmugw_test", *argv])
        return code, out.getvalue(), err.getvalue()

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

    def test_x402_requirementsAndSettlement_areDecodedFromTheirHeaders(self) -> None:
        required = {"x402Version": 2, "error": "credits short", "accepts": [
            {"scheme": "exact", "network": "eip155:8453", "amount": "1000000", "payTo": "0xabc"}]}
        settled = {"success": True, "transaction": "0x1", "network": "eip155:8453"}
        _Stub.script = [
            (402, {"PAYMENT-REQUIRED": _b64(required)},
             {"status": 402, "title": "Payment Required", "detail": "short", "x402": required}),
            (200, {"PAYMENT-RESPONSE": _b64(settled)}, _RESULT),
            (402, {"PAYMENT-RESPONSE": _b64(dict(settled, success=False))},
             {"status": 402, "title": "Payment Required", "detail": "not settled"}),
        ]
        with self.assertRaises(PaymentRequired) as short:
            self.client.simulate("lib:X")
        self.assertEqual(required, short.exception.x402)
        self.assertEqual("1000000", short.exception.x402["accepts"][0]["amount"])
        result = self.client.simulate("lib:X", payment_signature="c2lnbmVk")
        sent = {k.upper(): v for k, v in _Stub.seen[1]["headers"].items()}
        self.assertEqual("c2lnbmVk", sent["PAYMENT-SIGNATURE"])
        self.assertEqual(settled, result.payment_response)
        with self.assertRaises(PaymentRequired) as unsettled:
            self.client.simulate("lib:X", payment_signature="c2lnbmVk")
        self.assertFalse(unsettled.exception.payment_response["success"])
        self.assertIsNone(unsettled.exception.x402)
        self.assertNotIn("PAYMENT-SIGNATURE", {k.upper() for k in _Stub.seen[0]["headers"]})

    def test_createExperiment_sendsTheSimulateBodyPlusSweep_andReadsThe202(self) -> None:
        _Stub.script = [(202, {"Location": "/experiments/exp-1"}, _experiment("queued", queued=3))]
        experiment = self.client.create_experiment(
            "lib:BouncingBall",
            sweep("latin_hypercube", {"e": uniform(0.5, 0.9)}, samples=3, seed=1),
            callback_url="https://me.example/done", stop_time=1.0, kpis=["h_max"],
            payment_method="crypto",
        )
        self.assertEqual(
            {"fmu_id": "lib:BouncingBall", "stop_time": 1.0, "kpis": ["h_max"],
             "payment_method": "crypto", "callback_url": "https://me.example/done",
             "sweep": {"method": "latin_hypercube", "samples": 3, "seed": 1,
                       "parameters": {"e": {"uniform": {"min": 0.5, "max": 0.9}}}}},
            json.loads(_Stub.seen[0]["body"]),
        )
        self.assertEqual(("POST", "/experiments"), (_Stub.seen[0]["method"], _Stub.seen[0]["path"]))
        self.assertEqual("exp-1", experiment.experiment_id)
        self.assertEqual("/experiments/exp-1", experiment.location)
        self.assertEqual((3, 3), (experiment.cases.total, experiment.cases.queued))
        self.assertEqual((30, 10), (experiment.quote.credits, experiment.quote.per_case))
        self.assertEqual((30, 0), (experiment.cost.held, experiment.cost.charged))
        self.assertFalse(experiment.finished)
        with self.assertRaises(TypeError):
            self.client.create_experiment("lib:X", {"e": [1, 2]})

    def test_experimentQuote_isThe200QuoteAnswer_andTheCliPrintsIt(self) -> None:
        quote = {"status": "quote", "cases": {"total": 200, "queued": 0, "running": 0,
                                              "succeeded": 0, "failed": 0, "cancelled": 0},
                 "quote": {"credits": 2000, "per_case": 10, "balance_credits": 100}}
        _Stub.script = [(200, {}, quote), (200, {}, quote)]
        spec = sweep("sobol", {"e": uniform(0.5, 0.9)}, samples=200)
        offer = self.client.quote_experiment("lib:BouncingBall", spec)
        self.assertEqual(("quote", None, 200), (offer.status, offer.experiment_id,
                                                offer.cases.total))
        self.assertEqual((2000, 10, 100), (offer.quote.credits, offer.quote.per_case,
                                           offer.quote.balance_credits))
        code, out, err = self.cli("sweep", "lib:BouncingBall", "--method", "sobol", "--param",
                                  "e=uniform:0.5:0.9", "--samples", "200", "--quote")
        self.assertEqual(0, code, err)
        self.assertEqual("lib:BouncingBall: 200 cases, 2000 credits (10 per case;"
                         " your balance: 100)\n", out)
        self.assertTrue(all(json.loads(r["body"])["quote_only"] for r in _Stub.seen))

    def test_creditsShort_isPaymentRequiredWithTheCheckoutForTheDifference(self) -> None:
        _Stub.script = [(402, {}, {"status": 402, "title": "Payment Required",
                                   "detail": "credits cover 10 of 30", "session_id": "cs_2",
                                   "checkout_url": "https://pay/cs_2", "amount": 2.0,
                                   "amount_minor": 200, "currency": "usd"})]
        with self.assertRaises(PaymentRequired) as required:
            self.client.create_experiment("lib:X", sweep("full_factorial", {"k": values(1, 2, 3)}))
        self.assertEqual("https://pay/cs_2", required.exception.checkout_url)

    def test_aLimit_isNamedInTheErrorAndByTheCli(self) -> None:
        limit = {"status": 429, "title": "Too Many Requests", "detail": "2 experiments running",
                 "limit": "experiments_running"}
        _Stub.script = [(429, {}, limit), (429, {}, limit)]
        with self.assertRaises(ApiError) as refused:
            self.client.create_experiment("lib:X", sweep("sobol", {"k": uniform(0, 1)},
                                                         samples=10))
        self.assertEqual("experiments_running", refused.exception.limit)
        code, _, err = self.cli("sweep", "lib:X", "--method", "sobol", "--param", "k=uniform:0:1",
                                "--samples", "10")
        self.assertEqual(6, code)
        self.assertIn("limit: experiments_running", err)

    def test_sweepCommand_createsTheExperiment_drawsProgress_andWritesTheCasesCsv(self) -> None:
        csv_text = "index,status,e,h_max,node,failure,cost\r\n0,succeeded,0.5,1.0,n1,,10\r\n"
        _Stub.script = [
            (202, {"Location": "/experiments/exp-1"}, _experiment("queued", queued=3)),
            (200, {}, _experiment("running", queued=1, running=1, succeeded=1)),
            (200, {}, _experiment("succeeded", succeeded=3)),
            (200, {"Content-Type": "text/csv"}, csv_text),
        ]
        out_file = os.path.join(self.dir, "cases.csv")
        code, out, err = self.cli(
            "sweep", "msl:BouncingBall", "--method", "latin_hypercube",
            "--param", "k=uniform:0:1", "--param", "c=values:1,2,3", "--param", "d=range:0:1:5",
            "--samples", "200", "--seed", "1", "--stop", "1", "-o", out_file)
        self.assertEqual(0, code, err)
        self.assertEqual(
            {"fmu_id": "msl:BouncingBall", "stop_time": 1.0,
             "sweep": {"method": "latin_hypercube", "samples": 200, "seed": 1, "parameters": {
                 "k": {"uniform": {"min": 0.0, "max": 1.0}},
                 "c": {"values": [1, 2, 3]},
                 "d": {"range": {"start": 0.0, "stop": 1.0, "num": 5}}}}},
            json.loads(_Stub.seen[0]["body"]),
        )
        self.assertEqual("/experiments/exp-1", _Stub.seen[1]["path"])
        self.assertEqual(("GET", "/experiments/exp-1/cases", "text/csv"),
                         (_Stub.seen[3]["method"], _Stub.seen[3]["path"],
                          _Stub.seen[3]["headers"]["Accept"]))
        self.assertIn("experiment exp-1: 3 cases, 30 credits held (queued)", err)
        self.assertIn("] 1/3 cases, 1 running (running)", err)
        self.assertIn("[" + "#" * 30 + "] 3/3 cases (succeeded)", err)
        self.assertEqual("", out)
        with open(out_file, encoding="utf-8", newline="") as f:
            self.assertEqual(csv_text, f.read())

    def test_sweepInterrupted_cancelsTheExperiment(self) -> None:
        _Stub.script = [
            (202, {"Location": "/experiments/exp-1"}, _experiment("queued", queued=3)),
            (200, {}, _experiment("cancelled", succeeded=1, cancelled=2)),
        ]
        with mock.patch.object(Client, "wait_for_experiment", side_effect=KeyboardInterrupt):
            code, _, err = self.cli("sweep", "lib:X", "--param", "e=values:1,2,3")
        self.assertEqual(130, code)
        self.assertEqual(("DELETE", "/experiments/exp-1"),
                         (_Stub.seen[1]["method"], _Stub.seen[1]["path"]))
        self.assertIn("Cancelled exp-1 (cancelled): 1 cases ran", err)

    def test_sweepNoWait_printsTheId_andAPartialFailurePrintsTheTableAndExits1(self) -> None:
        _Stub.script = [(202, {"Location": "/experiments/exp-1"}, _experiment("queued", queued=3))]
        code, out, _ = self.cli("sweep", "lib:X", "--case", "k=1", "--case", "k=2", "--no-wait")
        self.assertEqual((0, "exp-1\n"), (code, out))
        self.assertEqual({"method": "cases", "cases": [{"start_values": {"k": 1}},
                                                       {"start_values": {"k": 2}}]},
                         json.loads(_Stub.seen[0]["body"])["sweep"])

        rows = [{"index": 0, "parameters": {"k": 1}, "status": "succeeded",
                 "kpis": {"h_max": 1.5}, "node": "n1", "cost": 10,
                 "result": "/experiments/exp-1/cases/0"},
                {"index": 1, "parameters": {"k": 2}, "status": "failed", "kpis": {},
                 "node": "n1", "failure": "step size too small", "cost": 0,
                 "result": "/experiments/exp-1/cases/1"}]
        _Stub.seen.clear()
        _Stub.script = [
            (202, {"Location": "/experiments/exp-1"}, _experiment("queued", total=2, queued=2)),
            (200, {}, _experiment("partially_failed", total=2, succeeded=1, failed=1)),
            (200, {}, {"items": rows, "offset": 0, "limit": 1000, "total": 2}),
        ]
        code, out, err = self.cli("sweep", "lib:X", "--case", "k=1", "--case", "k=2")
        self.assertEqual(1, code, err)
        self.assertEqual("/experiments/exp-1/cases?limit=1000&offset=0", _Stub.seen[2]["path"])
        self.assertIn("step size too small", out)
        self.assertIn('{"h_max": 1.5}', out)
        self.assertIn("ended partially_failed", err)

    def test_cases_arePaged_nonFiniteKpisAreFloats_andOneCaseIsItsResult(self) -> None:
        row = {"index": 0, "parameters": {"k": 1}, "status": "succeeded", "kpis": {"y": 1.0},
               "node": "n1", "cost": 10, "result": "/experiments/exp-1/cases/0"}
        _Stub.script = [
            (200, {}, {"items": [dict(row, index=0), dict(row, index=1, kpis={"y": "NaN"})],
                       "offset": 0, "limit": 2, "total": 3}),
            (200, {}, {"items": [dict(row, index=2)], "offset": 2, "limit": 2, "total": 3}),
            (200, {"Content-Type": "text/csv"}, "index,status\r\n"),
            (200, {}, _RESULT),
            (200, {"Content-Type": "text/csv"}, "time,h\n0,1\n"),
        ]
        cases = list(self.client.iter_experiment_cases("exp-1", page_size=2))
        self.assertEqual([0, 1, 2], [c.index for c in cases])
        self.assertEqual({"k": 1}, cases[0].parameters)
        self.assertNotEqual(cases[1].kpis["y"], cases[1].kpis["y"])  # NaN
        self.assertEqual(["/experiments/exp-1/cases?limit=2&offset=0",
                          "/experiments/exp-1/cases?limit=2&offset=2"],
                         [r["path"] for r in _Stub.seen])
        self.client.experiment_cases_csv("exp-1", limit=5, offset=10)
        self.assertEqual(("/experiments/exp-1/cases?limit=5&offset=10", "text/csv"),
                         (_Stub.seen[2]["path"], _Stub.seen[2]["headers"]["Accept"]))
        self.assertEqual(1.0, self.client.experiment_case("exp-1", 7).kpis["h_max"])
        self.assertEqual("/experiments/exp-1/cases/7", _Stub.seen[3]["path"])
        self.assertEqual("time,h\n0,1\n", self.client.experiment_case_csv("exp-1", 7))
        self.assertEqual("text/csv", _Stub.seen[4]["headers"]["Accept"])

    def test_experimentsCommands_listShowCasesCancel(self) -> None:
        listing = {"items": [_experiment("running", queued=1, running=1, succeeded=1)],
                   "page": 2, "size": 5, "total": 11, "has_more": True}
        _Stub.script = [
            (200, {}, listing),
            (200, {}, _experiment("running", queued=1, running=1, succeeded=1)),
            (200, {"Content-Type": "text/csv"}, "index,status\r\n0,succeeded\r\n"),
            (200, {}, _experiment("cancelled", succeeded=1, cancelled=2)),
        ]
        code, out, err = self.cli("experiments", "list", "--page", "2", "--size", "5")
        self.assertEqual(0, code)
        self.assertEqual("/experiments?page=2&size=5", _Stub.seen[0]["path"])
        self.assertIn("exp-1", out)
        self.assertIn("next: --page 3", err)
        code, out, _ = self.cli("experiments", "show", "exp-1")
        self.assertIn("1 queued, 1 running, 1 succeeded", out)
        self.assertIn("10 charged, 20 held", out)
        self.assertIn("lib:BouncingBall (full_factorial)", out)
        csv_file = os.path.join(self.dir, "c.csv")
        self.assertEqual(0, self.cli("experiments", "cases", "exp-1", "-o", csv_file)[0])
        with open(csv_file, encoding="utf-8", newline="") as f:
            self.assertEqual("index,status\r\n0,succeeded\r\n", f.read())
        code, _, err = self.cli("experiments", "cancel", "exp-1")
        self.assertEqual(0, code)
        self.assertEqual(("DELETE", "/experiments/exp-1"),
                         (_Stub.seen[3]["method"], _Stub.seen[3]["path"]))
        self.assertIn("Cancelled exp-1 (cancelled)", err)

    def test_simulateAsync_isTheOneCaseExperiment(self) -> None:
        queued = dict(_experiment("queued", total=1, queued=1), method="cases")
        _Stub.script = [(202, {"Location": "/experiments/exp-1"}, queued), (202, {}, queued)]
        experiment = self.client.simulate("lib:X", async_=True, stop_time=1)
        self.assertEqual({"fmu_id": "lib:X", "stop_time": 1, "async": True},
                         json.loads(_Stub.seen[0]["body"]))
        self.assertEqual(("exp-1", "/experiments/exp-1", "queued", 1),
                         (experiment.experiment_id, experiment.location, experiment.status,
                          experiment.cases.total))
        code, out, _ = self.cli("simulate", "lib:X", "--async")
        self.assertEqual((0, "exp-1\n"), (code, out))

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
