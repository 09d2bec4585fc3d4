package com.fmugateway.archfixture.adapter.in.http;

import io.modelcontextprotocol.spec.McpSchema;

/** Violates: an MCP SDK type outside adapters-mcp. */
public class McpInTheRestApi {

  McpSchema.Tool tool;
}
