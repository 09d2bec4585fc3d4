package com.fmugateway.adapter.in.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.analytics.model.CashReceipts;
import com.fmugateway.domain.analytics.model.DailyActivity;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.FunnelStage;
import com.fmugateway.domain.analytics.model.FunnelStep;
import com.fmugateway.domain.analytics.model.Revenue;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.shared.model.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsTablesTest {

  private static final LocalDate DAY = LocalDate.parse("2026-07-01");

  @Test
  void revenue_hasColumnsPerCurrency_plotsOnlyTheFirst_andCreditsOnTheSecondAxis() {
    Revenue revenue =
        Revenue.of(
            List.of(new DailyActivity(DAY, 1, 1, 0, 1, 10)),
            List.of(
                new CashReceipts(
                    DAY, PaymentMethod.CARD, PaymentPurpose.RUN, new Money(100, "usd"), 1),
                new CashReceipts(
                    DAY,
                    PaymentMethod.CRYPTO,
                    PaymentPurpose.CREDIT_PACK,
                    new Money(800, "eur"),
                    1)),
            "usd");

    TableView table = OpsTables.revenue(revenue);

    assertThat(Csv.of(table).split("\r\n"))
        .containsExactly(
            "day,card_usd,crypto_usd,x402_usd,runs_usd,packs_usd,total_usd,"
                + "card_eur,crypto_eur,x402_eur,runs_eur,packs_eur,total_eur,credits_spent",
            "2026-07-01,1.00,0.00,0.00,1.00,0.00,1.00,0.00,8.00,0.00,0.00,8.00,8.00,10");
    assertThat(table.columns().stream().filter(ColumnView::series).map(ColumnView::id))
        .containsExactly("card_usd", "crypto_usd", "x402_usd", "credits_spent");
    assertThat(table.columns().get(table.columns().size() - 1).secondAxis()).isTrue();
    assertThat(table.totals()).extracting(CellView::text).startsWith("total", "1.00");
  }

  @Test
  void funnel_showsConversionAsAPercentage_andExportsItAsAFraction() {
    TableView table =
        OpsTables.funnel(
            new Funnel(
                List.of(
                    new FunnelStep(FunnelStage.PAYMENT_REQUIRED, 5, 4),
                    new FunnelStep(FunnelStage.CHECKOUT_CREATED, 3, 3),
                    new FunnelStep(FunnelStage.PAID, 1, 1),
                    new FunnelStep(FunnelStage.SIMULATED, 1, 1))));

    assertThat(table.rows().get(1).get(3).text()).isEqualTo("75.0 %");
    assertThat(table.rows().get(0).get(3).text()).isEqualTo("–");
    assertThat(table.rows().get(0).get(0).key()).isEqualTo("ops.funnel.payment_required");
    assertThat(Csv.of(table))
        .contains("step,count,accounts,conversion\r\n")
        .contains("payment_required,5,4,\r\n")
        .contains("checkout_created,3,3,0.7500\r\n");
  }
}
