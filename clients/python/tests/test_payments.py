"""Paying with money against a real gateway's offline sandbox provider, paid as a browser would."""

from __future__ import annotations

import unittest

from _support import (
    drained_client,
    new_client,
    pay_sandbox_checkout,
    require_gateway,
    require_sandbox,
)

from fmugw import ApiError, Client, PaymentRequired, PaymentTimeout


def setUpModule() -> None:
    require_gateway()


class PayPerRunTest(unittest.TestCase):
    client: Client

    @classmethod
    def setUpClass(cls) -> None:
        cls.client = drained_client()

    def test_creditsShort_402CarriesACheckout_paidTokenRunsOnceOnly(self) -> None:
        with self.assertRaises(PaymentRequired) as required:
            self.client.simulate("msl:BouncingBall", stop_time=1.0, step=0.1)
        offer = required.exception.offer
        require_sandbox(self, offer)
        self.assertTrue(offer.checkout_url)
        self.assertTrue(offer.session_id)
        self.assertEqual("run", offer.purpose)
        self.assertEqual(100, offer.amount_minor)
        self.assertIn("payment_token", offer.next_step)
        self.assertLess(offer.quote.balance_credits, offer.quote.credits)

        pending = self.client.checkout(offer.session_id)
        self.assertFalse(pending.paid)
        self.assertEqual("pending", pending.status)
        with self.assertRaises(PaymentTimeout):
            self.client.wait_for_payment(offer.session_id, timeout=0.5, interval=0.2)

        self.assertEqual(303, pay_sandbox_checkout(offer.checkout_url))
        paid = self.client.wait_for_payment(offer.session_id, timeout=60, interval=0.5)
        self.assertTrue(paid.payment_token)

        result = self.client.simulate(
            "msl:BouncingBall", stop_time=1.0, step=0.1, payment_token=paid.payment_token
        )
        self.assertEqual("payment_token", result.cost.paid_with)
        self.assertEqual(offer.session_id, result.cost.session_id)
        self.assertEqual(0, result.cost.credits)
        with self.assertRaises(ApiError) as used:
            self.client.simulate(
                "msl:BouncingBall", stop_time=1.0, step=0.1, payment_token=paid.payment_token
            )
        self.assertEqual(410, used.exception.status)

    def test_simulateAndPay_withCrypto_runsOnceTheCheckoutIsPaid(self) -> None:
        shown = []

        def pay(required: PaymentRequired) -> None:
            require_sandbox(self, required.offer)
            shown.append(required.offer)
            self.assertEqual(303, pay_sandbox_checkout(required.checkout_url))

        csv = self.client.simulate_and_pay(
            "msl:BouncingBall",
            payment_method="crypto",
            on_checkout=pay,
            poll_interval=0.5,
            payment_timeout=60,
            csv=True,
            stop_time=0.5,
            step=0.1,
        )
        self.assertEqual("crypto", shown[0].payment_method)
        self.assertTrue(csv.startswith("time,h,v"))


class CheckoutsTest(unittest.TestCase):
    def test_payUpFront_givesATokenForOneRun(self) -> None:
        client = new_client()
        checkout = client.pay("msl:BouncingBall", payment_method="crypto")
        self.assertEqual("crypto", checkout.payment_method)
        self.assertEqual("pending", checkout.status)
        self.assertEqual(checkout.session_id, client.pay("msl:BouncingBall",
                                                         payment_method="crypto").session_id)
        if checkout.provider != "sandbox":
            self.skipTest(f"the gateway pays through {checkout.provider!r}, not the sandbox")
        self.assertEqual(303, pay_sandbox_checkout(checkout.checkout_url))
        token = client.wait_for_payment(checkout.session_id, timeout=60, interval=0.5).payment_token
        result = client.simulate("msl:BouncingBall", stop_time=0.2, step=0.1, payment_token=token)
        self.assertEqual("payment_token", result.cost.paid_with)

    def test_creditPack_landsOnTheBalanceOncePaid(self) -> None:
        client = new_client()
        packs = {p.pack: p for p in client.credit_packs()}
        self.assertIn("10", packs)
        before = client.account().credits
        checkout = client.buy_credits("10")
        self.assertEqual("credit_pack", checkout.purpose)
        self.assertEqual(packs["10"].credits, checkout.credits)
        if checkout.provider != "sandbox":
            self.skipTest(f"the gateway pays through {checkout.provider!r}, not the sandbox")
        self.assertEqual(303, pay_sandbox_checkout(checkout.checkout_url))
        paid = client.wait_for_payment(checkout.session_id, timeout=60, interval=0.5)
        self.assertIsNone(paid.payment_token)
        self.assertEqual(before + packs["10"].credits, client.account().credits)

    def test_unknownPack_isBadInputNamingThePack(self) -> None:
        with self.assertRaises(ApiError) as refused:
            new_client().buy_credits("no-such-pack")
        self.assertEqual(400, refused.exception.status)
        self.assertEqual("pack", refused.exception.field)

    def test_someoneElsesCheckout_is404(self) -> None:
        checkout = new_client().pay("msl:BouncingBall")
        with self.assertRaises(ApiError) as refused:
            new_client().checkout(checkout.session_id)
        self.assertEqual(404, refused.exception.status)


if __name__ == "__main__":
    unittest.main()
