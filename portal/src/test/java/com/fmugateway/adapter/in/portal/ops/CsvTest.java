package com.fmugateway.adapter.in.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void aTable_isAHeaderOfColumnIdsThenItsRows_withCrlf_andNoTotals() {
    TableView table =
        TableView.of(
                "models",
                List.of(ColumnView.text("fmu_id", "k"), ColumnView.of("runs", "k")),
                List.of(
                    List.of(CellView.of("lib:BouncingBall"), CellView.of(3)),
                    List.of(
                        CellView.label("ops.x", "code"),
                        CellView.rate(java.util.OptionalDouble.of(0.25)))))
            .withTotals(List.of(CellView.of("total"), CellView.of(3)));

    assertThat(Csv.of(table)).isEqualTo("fmu_id,runs\r\nlib:BouncingBall,3\r\ncode,0.2500\r\n");
  }

  @Test
  void fieldsWithCommasQuotesOrLineBreaks_areQuoted() {
    assertThat(Csv.field("plain")).isEqualTo("plain");
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.field("")).isEmpty();
  }

  @Test
  void aModelNameThatLooksLikeAFormula_isDefused_butNegativeNumbersStayNumbers() {
    assertThat(Csv.field("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.field("-12")).isEqualTo("-12");
    assertThat(Csv.field("-0.50")).isEqualTo("-0.50");
  }
}
