package com.fmugateway.adapter.in.portal.experiment;

import com.fmugateway.domain.experiment.model.CaseCounts;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An experiment as its page, the list and the progress poll show it: status, cases done of the
 * total (done: succeeded, failed or cancelled), and credits charged and still held.
 */
public record ExperimentSummaryView(
    String id,
    String createdAt,
    String fmuId,
    String method,
    String status,
    boolean finished,
    long total,
    long done,
    long queued,
    long running,
    long succeeded,
    long failed,
    long cancelled,
    long quotePerCase,
    long charged,
    long held) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  static ExperimentSummaryView of(ExperimentView view) {
    Experiment e = view.experiment();
    CaseCounts c = view.cases();
    return new ExperimentSummaryView(
        e.id().toString(),
        WHEN.format(e.createdAt()),
        e.fmuId(),
        e.method().code(),
        e.status().code(),
        e.status().finished(),
        e.total(),
        c.succeeded() + c.failed() + c.cancelled(),
        c.queued(),
        c.running(),
        c.succeeded(),
        c.failed(),
        c.cancelled(),
        e.quotePerCase(),
        view.charged(),
        view.held());
  }
}
