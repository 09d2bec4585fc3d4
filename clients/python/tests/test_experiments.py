"""Experiments (parameter sweeps) against a real gateway: quote, run, read, cancel, list."""

from __future__ import annotations

import csv
import io
import unittest

from _support import new_client, require_gateway

from fmugw import ApiError, Client
from fmugw.sweep import sweep, values

#: Long enough to be polled; short enough for a test.
WAIT = 120.0

#: Three cases of the bouncing ball's restitution: after its first bounce it rises at e × 4.43 m/s.
RESTITUTION = sweep("full_factorial", {"e": values(0.5, 0.7, 0.9)})
MODEL = dict(stop_time=1.0, step=0.01, kpis=["h_max", "v_max"])


def setUpModule() -> None:
    require_gateway()


class SweepTest(unittest.TestCase):
    client: Client

    @classmethod
    def setUpClass(cls) -> None:
        cls.client = new_client()
        cls.balance = cls.client.account().credits
        cls.quote = cls.client.quote_experiment("lib:BouncingBall", RESTITUTION, **MODEL)
        cls.created = cls.client.create_experiment("lib:BouncingBall", RESTITUTION, **MODEL)
        cls.done = cls.client.wait_for_experiment(
            cls.created.experiment_id, timeout=WAIT, interval=0.2
        )

    def test_quote_isTheCasesAndTheirPrice_andHoldsNothing(self) -> None:
        self.assertEqual("quote", self.quote.status)
        self.assertIsNone(self.quote.experiment_id)
        self.assertEqual(3, self.quote.cases.total)
        self.assertGreater(self.quote.quote.per_case, 0)
        self.assertEqual(3 * self.quote.quote.per_case, self.quote.quote.credits)
        self.assertEqual(self.balance, self.quote.quote.balance_credits)

    def test_create_isQueuedWithItsLocation_andHoldsTheQuote(self) -> None:
        created = self.created
        self.assertIn(created.status, ("queued", "running"))
        self.assertEqual("lib:BouncingBall", created.fmu_id)
        self.assertEqual("full_factorial", created.method)
        self.assertEqual(3, created.cases.total)
        self.assertEqual(f"/experiments/{created.experiment_id}", created.location)
        self.assertEqual(self.quote.quote.credits, created.quote.credits)
        self.assertEqual(self.quote.quote.credits, created.cost.held + created.cost.charged)

    def test_finished_succeededWithEveryCaseCharged_andNothingHeld(self) -> None:
        done = self.done
        self.assertEqual("succeeded", done.status, done.raw)
        self.assertEqual((3, 3, 0, 0), (done.cases.total, done.cases.succeeded,
                                        done.cases.failed, done.cases.queued))
        self.assertEqual((0, self.quote.quote.credits), (done.cost.held, done.cost.charged))
        self.assertIsNotNone(done.finished_at)
        self.assertEqual(self.balance - done.cost.charged, self.client.account().credits)

    def test_casesAsJson_carryTheirStartValuesAndKpis_inIndexOrder(self) -> None:
        cases = self.client.experiment_cases(self.done.experiment_id)
        self.assertEqual([0, 1, 2], [c.index for c in cases])
        self.assertEqual([0.5, 0.7, 0.9], [c.parameters["e"] for c in cases])
        self.assertEqual({"succeeded"}, {c.status for c in cases})
        self.assertEqual({self.quote.quote.per_case}, {c.cost for c in cases})
        for c in cases:
            self.assertAlmostEqual(1.0, c.kpis["h_max"], places=6)
            self.assertIsNone(c.failure)
            self.assertEqual(f"/experiments/{self.done.experiment_id}/cases/{c.index}", c.result)
        rebounds = [c.kpis["v_max"] for c in cases]
        self.assertEqual(sorted(rebounds), rebounds, "a bouncier ball rebounds faster")
        self.assertLess(rebounds[0], rebounds[2])

        page = self.client.experiment_cases(self.done.experiment_id, limit=1, offset=1)
        self.assertEqual([1], [c.index for c in page])
        self.assertEqual([0, 1, 2], [c.index for c in self.client.iter_experiment_cases(
            self.done.experiment_id, page_size=2)])

    def test_casesAsCsv_haveAColumnPerParameterAndKpi(self) -> None:
        text = self.client.experiment_cases_csv(self.done.experiment_id)
        rows = list(csv.DictReader(io.StringIO(text)))
        self.assertEqual(["index", "status", "e", "h_max", "v_max", "node", "failure", "cost"],
                         list(rows[0].keys()))
        self.assertEqual(["0.5", "0.7", "0.9"], [r["e"] for r in rows])
        self.assertEqual({"succeeded"}, {r["status"] for r in rows})
        one = self.client.experiment_cases_csv(self.done.experiment_id, limit=1, offset=2)
        self.assertEqual(["2"], [r["index"] for r in csv.DictReader(io.StringIO(one))])

    def test_oneCase_isItsFullResult_asJsonAndCsv(self) -> None:
        result = self.client.experiment_case(self.done.experiment_id, 2)
        self.assertEqual("ok", result.status)
        self.assertEqual(101, len(result.time))
        self.assertEqual(["h", "v"], result.variables)
        cases = self.client.experiment_cases(self.done.experiment_id)
        self.assertAlmostEqual(cases[2].kpis["v_max"], result.kpis["v_max"], places=9)
        text = self.client.experiment_case_csv(self.done.experiment_id, 2)
        self.assertEqual("time,h,v", text.splitlines()[0])
        self.assertEqual(102, len(text.strip().splitlines()))
        with self.assertRaises(ApiError) as missing:
            self.client.experiment_case(self.done.experiment_id, 3)
        self.assertEqual(404, missing.exception.status)

    def test_listing_showsTheExperimentNewestFirst(self) -> None:
        page = self.client.experiments()
        self.assertEqual((1, 20), (page.page, page.size))
        self.assertGreaterEqual(page.total, 1)
        self.assertEqual(self.done.experiment_id, page.items[0].experiment_id)
        self.assertEqual("succeeded", page.items[0].status)

    def test_anotherAccount_cannotSeeIt(self) -> None:
        with self.assertRaises(ApiError) as refused:
            new_client().experiment(self.done.experiment_id)
        self.assertEqual(404, refused.exception.status)


class CancelTest(unittest.TestCase):
    def test_cancel_endsItCancelled_chargesOnlyCasesThatRan_andReleasesTheRest(self) -> None:
        client = new_client()
        balance = client.account().credits
        # Five cases of 100,000 samples each: they are still queued or running when cancelled.
        spec = sweep("full_factorial", {"e": values(0.5, 0.6, 0.7, 0.8, 0.9)})
        created = client.create_experiment("lib:BouncingBall", spec, stop_time=100.0, step=0.001)
        cancelled = client.cancel_experiment(created.experiment_id)
        self.assertEqual("cancelled", cancelled.status)
        self.assertGreaterEqual(cancelled.cases.cancelled, 1)
        done = client.wait_for_experiment(created.experiment_id, timeout=WAIT, interval=0.2)
        self.assertEqual("cancelled", done.status)
        self.assertEqual(5, done.cases.done)
        per_case = created.quote.per_case
        self.assertEqual(0, done.cost.held)
        self.assertEqual(done.cases.succeeded * per_case, done.cost.charged)
        self.assertEqual(balance - done.cost.charged, client.account().credits)
        statuses = {c.status for c in client.experiment_cases(created.experiment_id)}
        self.assertIn("cancelled", statuses)
        self.assertLessEqual(statuses, {"cancelled", "succeeded"})
        # Cancelling again changes nothing.
        self.assertEqual("cancelled", client.cancel_experiment(created.experiment_id).status)


class AsyncSimulateTest(unittest.TestCase):
    def test_asyncSimulate_isAOneCaseExperiment_whoseCaseIsTheRun(self) -> None:
        client = new_client()
        queued = client.simulate("msl:BouncingBall", async_=True, stop_time=1.0, step=0.1,
                                 kpis=["h_max"])
        self.assertEqual(1, queued.cases.total)
        self.assertEqual("cases", queued.method)
        self.assertEqual(f"/experiments/{queued.experiment_id}", queued.location)
        done = client.wait_for_experiment(queued.experiment_id, timeout=WAIT, interval=0.2)
        self.assertEqual("succeeded", done.status)
        result = client.experiment_case(queued.experiment_id, 0)
        self.assertEqual(11, len(result.time))
        self.assertAlmostEqual(1.0, result.kpis["h_max"], places=6)


class LimitsTest(unittest.TestCase):
    def test_aSweepBeyondTheBalance_isPaymentRequired_andAnEmptyOneBadInput(self) -> None:
        from fmugw import PaymentRequired

        client = new_client()
        many = sweep("full_factorial", {"e": {"range": {"start": 0.1, "stop": 0.9, "num": 20}}})
        with self.assertRaises(PaymentRequired) as short:
            client.create_experiment("lib:BouncingBall", many, stop_time=0.5)
        self.assertGreater(short.exception.offer.quote_credits or 0,
                           short.exception.offer.balance_credits or 0)
        self.assertEqual(0, client.experiments().total)
        with self.assertRaises(ApiError) as bad:
            client.create_experiment("lib:BouncingBall", {"method": "sobol"}, stop_time=0.5)
        self.assertEqual(400, bad.exception.status)
        self.assertTrue((bad.exception.field or "").startswith("sweep"), bad.exception.body)


if __name__ == "__main__":
    unittest.main()
