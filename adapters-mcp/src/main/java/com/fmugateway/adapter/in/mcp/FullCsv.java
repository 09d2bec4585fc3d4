package com.fmugateway.adapter.in.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the full result of a {@code simulate} call is: the gateway keeps no results, so it is the
 * same request to {@code POST /simulate} with {@code Accept: text/csv}, as a command to run. It is
 * a new run and costs what a run costs; a payment token, good for one run, is left out.
 */
final class FullCsv {

  private FullCsv() {}

  static Map<String, Object> of(Caller caller, Arguments args, JsonMapper json) {
    Map<String, Object> request = args.asMap();
    request.remove("payment_token");
    request.remove("max_rows");
    String body = json.writeValueAsString(request);
    String url = caller.baseUrl() + "/simulate";
    Map<String, Object> csv = new LinkedHashMap<>();
    csv.put("method", "POST");
    csv.put("url", url);
    csv.put("accept", "text/csv");
    csv.put("body", body);
    csv.put(
        "curl",
        "curl -s "
            + url
            + " -H \"Authorization: Bearer $FMUGW_API_KEY\" -H 'Content-Type: application/json'"
            + " -H 'Accept: text/csv' -d '"
            + body.replace("'", "'\\''")
            + "' -o result.csv");
    csv.put(
        "note",
        "The gateway keeps no results: this runs the simulation again (charged like any run) and"
            + " returns every sample as CSV, time first, then one column per variable.");
    return csv;
  }
}
