package com.fmugateway.adapter.in.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/** One MCP tool of the gateway: its definition for {@code tools/list} and what a call does. */
interface GatewayTool {

  McpSchema.Tool definition();

  /**
   * Answers a call. A domain exception the caller can act on (an invalid argument, an unknown
   * model, a limit) may end the Mono; {@link ToolErrors} turns it into a tool error.
   */
  Mono<ToolAnswer> call(Caller caller, Arguments arguments);

  /** What a "not found" answer adds: where the caller finds the ids this tool takes. */
  default String notFoundHint() {
    return "search_models lists the models you may use.";
  }

  default String name() {
    return definition().name();
  }
}
