package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.experiment.model.ExperimentView;
import java.time.Instant;

/**
 * The JSON an ended experiment's callback carries, written here so that the bytes signed are the
 * bytes sent: every value is an id, a status code, a count, an instant or a link, so nothing needs
 * escaping beyond the link.
 */
final class CallbackBody {

  private CallbackBody() {}

  static String of(ExperimentView view, String baseUrl) {
    var e = view.experiment();
    var c = view.cases();
    String self = baseUrl + "/experiments/" + e.id();
    return "{\"type\":\"experiment.ended\""
        + ",\"experiment_id\":\""
        + e.id()
        + "\",\"status\":\""
        + e.status().code()
        + "\",\"cases\":{\"total\":"
        + c.total()
        + ",\"succeeded\":"
        + c.succeeded()
        + ",\"failed\":"
        + c.failed()
        + ",\"cancelled\":"
        + c.cancelled()
        + "},\"cost\":{\"held\":"
        + view.held()
        + ",\"charged\":"
        + view.charged()
        + "},\"finished_at\":"
        + e.finishedAt().map(Instant::toString).map(t -> "\"" + t + "\"").orElse("null")
        + ",\"links\":{\"self\":\""
        + json(self)
        + "\",\"cases\":\""
        + json(self + "/cases")
        + "\"}}";
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20) {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
