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

from fmugw import ApiError, Client, NotServedYet, PaymentRequired, cli
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


_NO_SUCH_ENDPOINT = {"status": 404, "title": "Not Found",
                     "detail": "No such endpoint. The API is described at /docs."}

_RESULT = {"run_id": "r1", "fmu_id": "lib:BouncingBall", "status": "ok",
           "cost": {"credits": 10, "quoted_credits": 10, "paid_with": "credits"},
           "results": {"time": [0.0, 1.0], "h": [1.0, 0.5]}, "kpis": {"h_max": 1.0},
           "provenance": {"fmu_sha256": "ab", "fmi_version": "2.0", "fmu_interface": "cs",
                          "wall_time_ms": 1, "cpu_time_ms": 1, "steps": 2, "events": 0}}


def _experiment(status: str, **counts: int) -> Dict[str, Any]:
    cases = dict({"total": 3, "queued": 0, "running": 0, "succeeded": 0, "failed": 0,
                  "cancelled": 0}, **counts)
    return {"experiment_id": "exp-1", "status": status, "cases": cases,
            "cost": {"held": 30, "charged": 10 * cases["succeeded"]},
            "created_at": "2026-12-02T12:00:00Z", "started_at": None, "finished_at": None}


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

    def test_aPlannedRoute404or405_isNotServedYet_butAnUnknownExperimentIsAPlain404(self) -> None:
        _Stub.script = [
            (404, {}, _NO_SUCH_ENDPOINT),
            (405, {}, {"status": 405, "title": "Method Not Allowed", "detail": "DELETE"}),
            (404, {}, {"status": 404, "title": "Not Found", "detail": "no experiment exp-9"}),
        ]
        with self.assertRaises(NotServedYet) as not_served:
            self.client.experiments()
        self.assertEqual(404, not_served.exception.status)
        self.assertIn("planned experiments API", str(not_served.exception))
        with self.assertRaises(NotServedYet):
            self.client.cancel_experiment("exp-9")
        with self.assertRaises(ApiError) as missing:
            self.client.experiment("exp-9")
        self.assertNotIsInstance(missing.exception, NotServedYet)
        self.assertEqual(404, missing.exception.status)

    def test_createExperiment_sendsTheSimulateBodyPlusSweep_andReadsThe202(self) -> None:
        accepted = dict(_experiment("queued", queued=3), quote={"credits": 30, "balance_credits": 90},
                        links={"self": "/experiments/exp-1"})
        _Stub.script = [(202, {"Location": "/experiments/exp-1"}, accepted)]
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
        self.assertEqual(3, experiment.cases.total)
        self.assertEqual(30, experiment.quote.credits)
        self.assertFalse(experiment.finished)
        with self.assertRaises(TypeError):
            self.client.create_experiment("lib:X", {"e": [1, 2]})

    def test_experimentQuote_fromA402_orFromA2xxBody(self) -> None:
        quote = {"credits": 2000, "balance_credits": 100, "amount": 20.0, "amount_minor": 2000,
                 "currency": "usd"}
        _Stub.script = [
            (402, {}, {"status": 402, "title": "Payment Required", "detail": "quote",
                       "cases": {"total": 200}, "quote": quote}),
            (200, {}, {"cases": {"total": 200}, "quote": quote}),
        ]
        spec = sweep("sobol", {"e": uniform(0.5, 0.9)}, samples=200)
        for _ in range(2):
            offer = self.client.quote_experiment("lib:BouncingBall", spec)
            self.assertEqual(2000, offer.quote.credits)
            self.assertEqual("2000 credits or 20.00 USD", offer.quote.price())
        self.assertTrue(all(json.loads(r["body"])["quote_only"] for r in _Stub.seen))

        _Stub.script = [(402, {}, {"status": 402, "title": "Payment Required", "detail": "quote",
                                   "cases": {"total": 200}, "quote": quote})]
        code, out, err = self.cli("sweep", "lib:BouncingBall", "--method", "sobol", "--param",
                                  "e=uniform:0.5:0.9", "--samples", "200", "--quote")
        self.assertEqual(0, code, err)
        self.assertEqual("lib:BouncingBall: 200 cases, 2000 credits or 20.00 USD"
                         " (your balance: 100)\n", out)

    def test_creditsShort_isPaymentRequiredWithTheCheckoutForTheDifference(self) -> None:
        _Stub.script = [(402, {}, {"status": 402, "title": "Payment Required",
                                   "detail": "credits cover 10 of 30", "session_id": "cs_2",
                                   "checkout_url": "https://pay/cs_2", "amount": 2.0,
                                   "amount_minor": 200, "currency": "usd"})]
        with self.assertRaises(PaymentRequired) as required:
            self.client.create_experiment("lib:X", sweep("full_factorial", {"k": values(1, 2, 3)}))
        self.assertEqual("https://pay/cs_2", required.exception.checkout_url)

    def test_aLimit_isNamedInTheErrorAndByTheCli(self) -> None:
        limit = {"status": 400, "title": "Bad Request", "detail": "at most 10000 cases",
                 "field": "sweep.samples", "limit": "max_cases"}
        _Stub.script = [(400, {}, limit), (400, {}, limit)]
        with self.assertRaises(ApiError) as refused:
            self.client.create_experiment("lib:X", sweep("sobol", {"k": uniform(0, 1)},
                                                         samples=10 ** 6))
        self.assertEqual("max_cases", refused.exception.limit)
        code, _, err = self.cli("sweep", "lib:X", "--method", "sobol", "--param", "k=uniform:0:1",
                                "--samples", "1000000")
        self.assertEqual(2, code)
        self.assertIn("limit: max_cases", err)

    def test_sweepCommand_createsTheExperiment_drawsProgress_andWritesTheCasesCsv(self) -> None:
        csv_text = "index,status,e,h_max\n0,succeeded,0.5,1.0\n1,succeeded,0.7,1.0\n"
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
            "--samples", "200", "--seed", "1", "--stop", "1", "--wait", "-o", out_file)
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
        self.assertIn("] 1/3 cases, 1 running (running)", err)
        self.assertIn("[" + "#" * 30 + "] 3/3 cases (succeeded)", err)
        self.assertEqual("", out)
        with open(out_file, encoding="utf-8") as f:
            self.assertEqual(csv_text, f.read())

    def test_sweepWithoutWait_printsTheId_andAPartialFailurePrintsTheTableAndExits1(self) -> None:
        _Stub.script = [(202, {"Location": "/experiments/exp-1"}, _experiment("queued", queued=3))]
        code, out, _ = self.cli("sweep", "lib:X", "--case", "k=1", "--case", "k=2")
        self.assertEqual((0, "exp-1\n"), (code, out))
        self.assertEqual({"method": "cases", "cases": [{"start_values": {"k": 1}},
                                                       {"start_values": {"k": 2}}]},
                         json.loads(_Stub.seen[0]["body"])["sweep"])

        rows = [{"index": 0, "parameters": {"k": 1}, "status": "succeeded",
                 "kpis": {"h_max": 1.5}, "node": "n1", "failure": None, "cost": 10},
                {"index": 1, "parameters": {"k": 2}, "status": "failed", "kpis": {},
                 "node": "n1", "failure": {"cause": "solver", "detail": "step size too small"},
                 "cost": 0}]
        _Stub.seen.clear()
        _Stub.script = [
            (202, {"Location": "/experiments/exp-1"}, _experiment("queued", total=2, queued=2)),
            (200, {}, _experiment("partially_failed", total=2, succeeded=1, failed=1)),
            (200, {}, {"items": rows, "total": 2}),
        ]
        code, out, err = self.cli("sweep", "lib:X", "--case", "k=1", "--case", "k=2", "--wait")
        self.assertEqual(1, code, err)
        self.assertEqual("/experiments/exp-1/cases?limit=500&offset=0", _Stub.seen[2]["path"])
        self.assertIn("step size too small", out)
        self.assertIn('{"h_max": 1.5}', out)
        self.assertIn("ended partially_failed", err)

    def test_cases_arePaged_andComeAsCsvOrParquet_andOneCaseAsItsResult(self) -> None:
        row = {"index": 0, "parameters": {"k": 1}, "status": "succeeded", "kpis": {"y": 1.0},
               "node": "n1", "failure": None, "cost": 10}
        parquet = b"PAR1\x00\x01binary\xffPAR1"
        _Stub.script = [
            (200, {}, [dict(row, index=0), dict(row, index=1)]),
            (200, {}, [dict(row, index=2)]),
            (200, {}, []),
            (200, {"Content-Type": "application/vnd.apache.parquet"}, parquet),
            (200, {}, _RESULT),
            (200, {"Content-Type": "text/csv"}, "time,h\n0,1\n"),
        ]
        cases = list(self.client.iter_experiment_cases("exp-1", page_size=2))
        self.assertEqual([0, 1, 2], [c.index for c in cases])
        self.assertEqual({"k": 1}, cases[0].parameters)
        self.assertEqual(["/experiments/exp-1/cases?limit=2&offset=0",
                          "/experiments/exp-1/cases?limit=2&offset=2",
                          "/experiments/exp-1/cases?limit=2&offset=3"],
                         [r["path"] for r in _Stub.seen])
        path = os.path.join(self.dir, "cases.parquet")
        self.assertEqual(parquet, self.client.experiment_cases_parquet("exp-1", path))
        self.assertEqual("application/vnd.apache.parquet", _Stub.seen[3]["headers"]["Accept"])
        with open(path, "rb") as f:
            self.assertEqual(parquet, f.read())
        self.assertEqual(1.0, self.client.experiment_case("exp-1", 7).kpis["h_max"])
        self.assertEqual("/experiments/exp-1/cases/7", _Stub.seen[4]["path"])
        self.assertEqual("time,h\n0,1\n", self.client.experiment_case_csv("exp-1", 7))
        self.assertEqual("text/csv", _Stub.seen[5]["headers"]["Accept"])

    def test_experimentsCommands_listShowCasesCancel(self) -> None:
        _Stub.script = [
            (200, {}, {"items": [_experiment("running", queued=1, running=1, succeeded=1)]}),
            (200, {}, _experiment("running", queued=1, running=1, succeeded=1)),
            (200, {"Content-Type": "application/vnd.apache.parquet"}, b"PAR1"),
            (204, {}, None),
        ]
        code, out, _ = self.cli("experiments", "list", "--limit", "5", "--offset", "10")
        self.assertEqual(0, code)
        self.assertEqual("/experiments?limit=5&offset=10", _Stub.seen[0]["path"])
        self.assertIn("exp-1", out)
        code, out, _ = self.cli("experiments", "show", "exp-1")
        self.assertIn("1 queued, 1 running, 1 succeeded", out)
        self.assertIn("10 charged, 30 held", out)
        parquet = os.path.join(self.dir, "c.parquet")
        self.assertEqual(0, self.cli("experiments", "cases", "exp-1", "-o", parquet)[0])
        with open(parquet, "rb") as f:
            self.assertEqual(b"PAR1", f.read())
        code, _, err = self.cli("experiments", "cancel", "exp-1")
        self.assertEqual(0, code)
        self.assertEqual(("DELETE", "/experiments/exp-1"),
                         (_Stub.seen[3]["method"], _Stub.seen[3]["path"]))
        self.assertIn("Cancelled exp-1", err)

    def test_simulateAsync_isTheOneCaseExperimentsReference(self) -> None:
        _Stub.script = [(202, {"Location": "/experiments/exp-7"}, {"status": "queued"})]
        experiment = self.client.simulate("lib:X", async_=True, stop_time=1)
        self.assertEqual({"fmu_id": "lib:X", "stop_time": 1, "async": True},
                         json.loads(_Stub.seen[0]["body"]))
        self.assertEqual(("exp-7", "/experiments/exp-7", "queued"),
                         (experiment.experiment_id, experiment.location, experiment.status))

    def test_simulateAsync_onAGatewayThatRanItAtOnce_isNotServedYetWithTheResult(self) -> None:
        _Stub.script = [(200, {}, _RESULT), (200, {}, _RESULT)]
        with self.assertRaises(NotServedYet) as not_served:
            self.client.simulate("lib:X", async_=True)
        self.assertEqual(1.0, not_served.exception.result.kpis["h_max"])
        code, out, err = self.cli("simulate", "lib:X", "--async")
        self.assertEqual(5, code)
        self.assertIn("planned experiments API", err)
        self.assertIn("h_max", out)

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
