"""``fmugw`` end to end: the real command as a child process against a real gateway."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import unittest
from pathlib import Path
from typing import Dict, List, Optional

from _support import CLIENT_ROOT, drained_client, new_client, pay_sandbox_checkout, require_gateway

TIMEOUT = 120


def setUpModule() -> None:
    require_gateway()


class CliTest(unittest.TestCase):
    def setUp(self) -> None:
        self.home = tempfile.TemporaryDirectory()
        self.addCleanup(self.home.cleanup)
        self.dir = Path(self.home.name)

    def env(self, key: Optional[str]) -> Dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("FMUGW_")}
        env.update(
            PYTHONPATH=str(CLIENT_ROOT),
            FMUGW_URL=require_gateway(),
            XDG_CONFIG_HOME=str(self.dir / "config"),
            HOME=str(self.dir),
        )
        if key:
            env["FMUGW_API_KEY"] = key
        return env

    def fmugw(self, *args: str, key: Optional[str] = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "fmugw", *args],
            env=self.env(key),
            cwd=self.dir,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )

    def test_keysCreateSave_thenAccountReadsTheKeyFromTheConfigFile(self) -> None:
        created = self.fmugw("keys", "create", "--save")
        self.assertEqual(0, created.returncode, created.stderr)
        key = created.stdout.strip()
        self.assertTrue(key.startswith("fmugw_"))
        config = (self.dir / "config" / "fmugw" / "config").read_text()
        self.assertIn(f"api_key = {key}", config)
        account = self.fmugw("account")
        self.assertEqual(0, account.returncode, account.stderr)
        self.assertIn("credits", account.stdout)

    def test_simulate_toCsvAndJson_andASummaryWithTheKpi(self) -> None:
        key = new_client().api_key
        csv = self.fmugw("simulate", "msl:BouncingBall", "--stop", "3", "--step", "0.01",
                         "--set", "e=0.8", "--kpi", "h_max", "-o", "result.csv", key=key)
        self.assertEqual(0, csv.returncode, csv.stderr)
        lines = (self.dir / "result.csv").read_text().strip().splitlines()
        self.assertEqual("time,h,v", lines[0])
        self.assertEqual(302, len(lines))

        as_json = self.fmugw("simulate", "msl:BouncingBall", "--stop", "1", "--step", "0.1",
                             "-o", "result.json", key=key)
        self.assertEqual(0, as_json.returncode, as_json.stderr)
        self.assertIn('"results"', (self.dir / "result.json").read_text())

        summary = self.fmugw("simulate", "msl:BouncingBall", "--stop", "3", "--step", "0.01",
                             "--kpi", "h_max", key=key)
        self.assertEqual(0, summary.returncode, summary.stderr)
        self.assertRegex(summary.stdout, r"h_max\s+1\b")
        self.assertIn("301 samples", summary.stdout)

    def test_libraryVariablesAndRuns(self) -> None:
        key = new_client().api_key
        library = self.fmugw("library", "bouncing", key=key)
        self.assertIn("lib:BouncingBall", library.stdout)
        variables = self.fmugw("variables", "msl:BouncingBall", key=key)
        self.assertRegex(variables.stdout, r"\bh\s+Real\s+output")
        self.fmugw("simulate", "msl:BouncingBall", "--stop", "0.2", key=key)
        runs = self.fmugw("runs", key=key)
        self.assertIn("lib:BouncingBall", runs.stdout)

    def test_quote_printsThePriceAndRunsNothing(self) -> None:
        client = new_client()
        quote = self.fmugw("simulate", "msl:BouncingBall", "--quote", key=client.api_key)
        self.assertEqual(0, quote.returncode, quote.stderr)
        self.assertIn("credits per run", quote.stdout)
        self.assertIn("1.00 USD", quote.stdout)
        self.assertEqual([], client.runs())

    def test_errors_printTheProblemAndExitWithTheirCode(self) -> None:
        key = new_client().api_key
        bad = self.fmugw("simulate", "msl:BouncingBall", "--stop", "-1", key=key)
        self.assertEqual(2, bad.returncode)
        self.assertIn("field: stop_time", bad.stderr)
        self.assertEqual("", bad.stdout)

        self.assertEqual(2, self.fmugw("simulate", "msl:BouncingBall", "-o", "r.txt",
                                       key=key).returncode)
        no_key = self.fmugw("account")
        self.assertEqual(3, no_key.returncode)
        self.assertIn("FMUGW_API_KEY", no_key.stderr)
        self.assertEqual(3, self.fmugw("account", key="fmugw_wrong").returncode)
        self.assertEqual(5, self.fmugw("variables", "lib:Nope", key=key).returncode)


    def test_sweep_showsProgress_writesTheCasesCsv_andTheExperimentsCommandsReadIt(self) -> None:
        key = new_client().api_key
        quote = self.fmugw("sweep", "lib:BouncingBall", "--param", "e=values:0.5,0.7,0.9",
                           "--quote", key=key)
        self.assertEqual(0, quote.returncode, quote.stderr)
        self.assertRegex(quote.stdout, r"^lib:BouncingBall: 3 cases, 30 credits \(10 per case; "
                                       r"your balance: 100\)")

        swept = self.fmugw("sweep", "lib:BouncingBall", "--param", "e=values:0.5,0.7,0.9",
                           "--stop", "1", "--step", "0.1", "--kpi", "h_max", "--interval", "0.2",
                           "-o", "cases.csv", key=key)
        self.assertEqual(0, swept.returncode, swept.stderr)
        self.assertIn("[" + "#" * 30 + "] 3/3 cases (succeeded)", swept.stderr)
        self.assertIn("Wrote cases.csv", swept.stderr)
        rows = (self.dir / "cases.csv").read_text().splitlines()
        self.assertEqual("index,status,e,h_max,node,failure,cost", rows[0])
        self.assertEqual(["0", "1", "2"], [r.split(",")[0] for r in rows[1:]])
        experiment_id = swept.stderr.split("experiment ", 1)[1].split(":", 1)[0]

        listing = self.fmugw("experiments", "list", key=key)
        self.assertRegex(listing.stdout, experiment_id + r".*lib:BouncingBall\s+succeeded\s+3\s+3")
        shown = self.fmugw("experiments", "show", experiment_id, key=key)
        self.assertIn("3 total: 0 queued, 0 running, 3 succeeded", shown.stdout)
        self.assertIn("30 charged, 0 held", shown.stdout)
        table = self.fmugw("experiments", "cases", experiment_id, key=key)
        self.assertRegex(table.stdout, r'\n2\s+succeeded\s+\{"e": 0.9\}\s+\{"h_max": 1.0\}')
        one = self.fmugw("experiments", "cases", experiment_id, "1", "-o", "one.csv", key=key)
        self.assertEqual(0, one.returncode, one.stderr)
        self.assertTrue((self.dir / "one.csv").read_text().startswith("time,h,v"))

        queued = self.fmugw("sweep", "lib:BouncingBall", "--param", "e=range:0.5:0.9:5",
                            "--stop", "100", "--step", "0.001", "--no-wait", key=key)
        self.assertEqual(0, queued.returncode, queued.stderr)
        cancelled = self.fmugw("experiments", "cancel", queued.stdout.strip(), key=key)
        self.assertEqual(0, cancelled.returncode, cancelled.stderr)
        self.assertIn("(cancelled)", cancelled.stderr)
        missing = self.fmugw("experiments", "show", "00000000-0000-0000-0000-000000000000", key=key)
        self.assertEqual(5, missing.returncode)

    def test_creditsShort_withoutPay_exits4WithTheCheckout(self) -> None:
        client = drained_client()
        short = self.fmugw("simulate", "msl:BouncingBall", "--stop", "1", key=client.api_key)
        self.assertEqual(4, short.returncode)
        self.assertIn("checkout_url: http", short.stderr)
        self.assertIn("--pay", short.stderr)

    def test_payCrypto_showsTheCheckout_waitsForThePayment_andRuns(self) -> None:
        client = drained_client()
        process = subprocess.Popen(
            [sys.executable, "-m", "fmugw", "simulate", "msl:BouncingBall", "--stop", "1",
             "--step", "0.1", "--kpi", "h_max", "--pay", "crypto", "-o", "paid.csv",
             "--payment-timeout", "60"],
            env=self.env(client.api_key),
            cwd=self.dir,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        timer = threading.Timer(TIMEOUT, process.kill)
        timer.start()
        try:
            stderr: List[str] = []
            checkout_url = None
            for line in process.stderr:  # type: ignore[union-attr]
                stderr.append(line)
                if line.startswith("checkout_url: "):
                    checkout_url = line.split(" ", 1)[1].strip()
                    break
            self.assertIsNotNone(checkout_url, "".join(stderr))
            if "/sandbox/checkout/" not in checkout_url:
                process.kill()
                self.skipTest("the gateway does not pay through the offline sandbox")
            self.assertIn("(crypto)", "".join(stderr))
            self.assertEqual(303, pay_sandbox_checkout(checkout_url))
            out, rest = process.communicate(timeout=TIMEOUT)
            stderr.append(rest)
        finally:
            timer.cancel()
        self.assertEqual(0, process.returncode, "".join(stderr))
        self.assertTrue((self.dir / "paid.csv").read_text().startswith("time,h,v"))
        paid_run = client.runs()[0]
        self.assertEqual("succeeded", paid_run.status)
        self.assertEqual(0, paid_run.cost_credits)


if __name__ == "__main__":
    unittest.main()
