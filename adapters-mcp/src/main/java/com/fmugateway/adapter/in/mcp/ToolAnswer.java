package com.fmugateway.adapter.in.mcp;

import java.util.Map;
import java.util.Objects;

/**
 * What a tool answers: a JSON object for the model to read, and whether it reports an error the
 * caller must act on (the MCP result's {@code isError}).
 */
record ToolAnswer(Map<String, Object> body, boolean error) {

  ToolAnswer {
    Objects.requireNonNull(body, "body");
  }

  static ToolAnswer ok(Map<String, Object> body) {
    return new ToolAnswer(body, false);
  }

  static ToolAnswer failed(Map<String, Object> body) {
    return new ToolAnswer(body, true);
  }
}
