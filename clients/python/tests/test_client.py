"""The client against a real gateway: keys, models, simulation, errors and x402's header."""

from __future__ import annotations

import unittest
from decimal import Decimal

from _support import new_client, require_gateway, upload_fixture

from fmugw import ApiError, Client, PaymentRequired


def setUpModule() -> None:
    require_gateway()


class KeysAndAccountTest(unittest.TestCase):
    def test_createKey_givesAKeyThatOpensItsAccount(self) -> None:
        anonymous = Client(require_gateway())
        issued = anonymous.create_key()
        self.assertTrue(issued.key.startswith("fmugw_"))
        client = Client(anonymous.url, issued.key)
        account = client.account()
        self.assertEqual(issued.account_id, account.id)
        self.assertEqual("free", account.tier)
        self.assertGreaterEqual(account.credits, 0)
        self.assertIn(issued.key_id, [k.key_id for k in client.keys()])

    def test_revokedKey_isRefusedWith401(self) -> None:
        client = new_client()
        extra = client.add_key()
        client.revoke_key(extra.key_id)
        with self.assertRaises(ApiError) as refused:
            Client(client.url, extra.key).account()
        self.assertEqual(401, refused.exception.status)
        self.assertFalse(any(k.active for k in client.keys() if k.key_id == extra.key_id))

    def test_noKey_isRefusedWithTheProblemDetail(self) -> None:
        with self.assertRaises(ApiError) as refused:
            Client(require_gateway()).library()
        self.assertEqual(401, refused.exception.status)
        self.assertIn("Authorization", refused.exception.detail)


class ModelsTest(unittest.TestCase):
    client: Client

    @classmethod
    def setUpClass(cls) -> None:
        cls.client = new_client()

    def test_library_listsBouncingBallWithItsPrototypeAlias(self) -> None:
        entries = {e.id: e for e in self.client.library()}
        ball = entries["lib:BouncingBall"]
        self.assertIn("msl:BouncingBall", ball.aliases)
        self.assertEqual("2.0", ball.fmi_version)
        self.assertIn("cs", ball.interfaces)
        # The FMI 2.0 ball and its FMI 3.0 twin; nothing else is a bouncing ball.
        self.assertEqual(["lib:BouncingBall", "lib:BouncingBall3"],
                         sorted(e.id for e in self.client.library("bouncing")))

    def test_variables_ofALibraryModel(self) -> None:
        variables = {v.name: v for v in self.client.variables("msl:BouncingBall")}
        self.assertEqual("output", variables["h"].causality)
        self.assertEqual("parameter", variables["e"].causality)
        self.assertEqual("m", variables["h"].unit)

    def test_upload_givesAnFmuWithItsVariables_andTheSameBytesTheSameRecord(self) -> None:
        path = upload_fixture()
        if path is None:
            self.skipTest("FMUGW_TEST_FMU is not set to a built .fmu file")
        fmu = self.client.upload(path)
        self.assertFalse(fmu.built_in)
        self.assertEqual(64, len(fmu.sha256))
        self.assertEqual(fmu.id, self.client.upload(path).id)
        self.assertEqual(fmu.id, self.client.fmu(fmu.id).id)
        variables = self.client.variables(fmu.id)
        self.assertEqual(fmu.number_of_variables, len(variables))
        result = self.client.simulate(fmu.id, stop_time=1.0, step=0.1)
        self.assertEqual(fmu.sha256, result.provenance.fmu_sha256)

    def test_uploadOfSomethingElse_isRefusedNamingTheFileField(self) -> None:
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".fmu") as junk:
            junk.write(b"not a zip")
            junk.flush()
            with self.assertRaises(ApiError) as refused:
                self.client.upload(junk.name)
        self.assertEqual(422, refused.exception.status)
        self.assertEqual("file", refused.exception.field)


class SimulateTest(unittest.TestCase):
    client: Client

    @classmethod
    def setUpClass(cls) -> None:
        cls.client = new_client()

    def test_bouncingBall_asJson_withAKpi(self) -> None:
        result = self.client.simulate(
            "msl:BouncingBall", stop_time=3.0, step=0.01, kpis=["h_max"]
        )
        self.assertEqual("lib:BouncingBall", result.fmu_id)
        self.assertEqual("ok", result.status)
        self.assertEqual(301, len(result.time))
        self.assertEqual(["h", "v"], result.variables)
        self.assertAlmostEqual(1.0, result.kpis["h_max"], places=6)
        self.assertEqual("credits", result.cost.paid_with)
        self.assertGreater(result.cost.credits, 0)
        self.assertEqual("cs", result.provenance.fmu_interface)
        self.assertEqual(301, len(result.rows()))

    def test_bouncingBall_asCsv(self) -> None:
        text = self.client.simulate_csv("msl:BouncingBall", stop_time=1.0, step=0.1)
        lines = text.strip().splitlines()
        self.assertEqual("time,h,v", lines[0])
        self.assertEqual(12, len(lines))
        self.assertEqual(1.0, float(lines[1].split(",")[1]))

    def test_modelExchange_withASolverAndStartValue(self) -> None:
        result = self.client.simulate(
            "lib:BouncingBall",
            stop_time=1.0,
            step=0.1,
            interface="me",
            solver="rk4",
            start_values={"h": 2.0},
            outputs=["h"],
            kpis=["h_max"],
        )
        self.assertEqual("me", result.provenance.fmu_interface)
        self.assertEqual("rk4", result.provenance.solver)
        self.assertEqual(["h"], result.variables)
        self.assertAlmostEqual(2.0, result.kpis["h_max"], places=6)

    def test_runs_listTheRun(self) -> None:
        result = self.client.simulate("msl:BouncingBall", stop_time=0.5, step=0.1)
        self.assertIn(result.run_id, [r.id for r in self.client.runs()])
        run = self.client.run(result.run_id)
        self.assertEqual("lib:BouncingBall", run.fmu_id)
        self.assertEqual(result.cost.credits, run.cost_credits)

    def test_badInput_isAnApiErrorNamingTheField(self) -> None:
        with self.assertRaises(ApiError) as refused:
            self.client.simulate("msl:BouncingBall", stop_time=-1.0)
        self.assertEqual(400, refused.exception.status)
        self.assertEqual("stop_time", refused.exception.field)
        self.assertIn("stop_time", refused.exception.detail)
        self.assertEqual("stop_time", refused.exception.errors[0]["field"])

    def test_unknownModel_is404(self) -> None:
        with self.assertRaises(ApiError) as refused:
            self.client.simulate("lib:NoSuchModel", stop_time=1.0)
        self.assertEqual(404, refused.exception.status)

    def test_unknownParameter_isATypeErrorBeforeAnyRequest(self) -> None:
        with self.assertRaises(TypeError):
            self.client.simulate("msl:BouncingBall", stop=1.0)  # type: ignore[call-arg]

    def test_quoteOnly_isA402WithThePriceAndNoCheckout(self) -> None:
        offer = self.client.quote("msl:BouncingBall", stop_time=1.0)
        self.assertIsNone(offer.checkout_url)
        self.assertIsNotNone(offer.quote)
        self.assertGreater(offer.quote.credits, 0)
        self.assertEqual("lib:BouncingBall", offer.quote.fmu_id)
        self.assertEqual(Decimal("1.00"), offer.quote.amount)
        self.assertEqual(100, offer.quote.amount_minor)
        self.assertEqual("usd", offer.currency)
        self.assertIn("Quote only", offer.next_step)
        with self.assertRaises(PaymentRequired) as required:
            self.client.simulate("msl:BouncingBall", quote_only=True)
        self.assertEqual(402, required.exception.status)
        self.assertIsNone(required.exception.checkout_url)


class X402Test(unittest.TestCase):
    def test_paymentSignature_isSentAsTheHeader_andAMalformedOneIsRefusedByName(self) -> None:
        client = new_client()
        with self.assertRaises(ApiError) as refused:
            client.simulate("msl:BouncingBall", stop_time=0.5, payment_signature="not base64!")
        self.assertEqual(400, refused.exception.status)
        self.assertEqual("PAYMENT-SIGNATURE", refused.exception.field)
        self.assertEqual([], client.runs())

    def test_aGatewayWithoutX402_sends402sWithoutRequirements(self) -> None:
        with self.assertRaises(PaymentRequired) as required:
            new_client().simulate("msl:BouncingBall", quote_only=True)
        if required.exception.headers.get("PAYMENT-REQUIRED"):
            self.skipTest("this gateway takes x402")
        self.assertIsNone(required.exception.x402)
        self.assertIsNone(required.exception.payment_response)


if __name__ == "__main__":
    unittest.main()
