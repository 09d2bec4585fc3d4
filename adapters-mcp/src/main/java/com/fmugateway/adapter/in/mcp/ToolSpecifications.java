package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.account.model.AuthenticatedAccount;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's tools as the MCP SDK serves them: each call gets the caller the API's security
 * chain authenticated (the key was checked before the request reached the transport), its arguments
 * checked by name, and its answer or failure as one JSON text.
 */
final class ToolSpecifications {

  /** The transport context's entry holding the gateway's address as the caller reached it. */
  static final String BASE_URL = "fmugw.base_url";

  private ToolSpecifications() {}

  static List<AsyncToolSpecification> of(List<GatewayTool> tools, JsonMapper json) {
    return tools.stream().map(tool -> specification(tool, json)).toList();
  }

  private static AsyncToolSpecification specification(GatewayTool tool, JsonMapper json) {
    McpSchema.Tool definition = tool.definition();
    Set<String> known = argumentNames(definition);
    return new AsyncToolSpecification(
        definition,
        (context, request) ->
            caller(context)
                .flatMap(
                    caller ->
                        Mono.defer(
                            () -> tool.call(caller, Arguments.of(request.arguments(), known))))
                .switchIfEmpty(Mono.fromSupplier(ToolSpecifications::unauthenticated))
                .onErrorResume(
                    failure -> Mono.just(ToolErrors.answer(failure, tool.notFoundHint())))
                .map(answer -> result(answer, json)));
  }

  private static Mono<Caller> caller(McpTransportContext context) {
    Object base = context.get(BASE_URL);
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .map(Authentication::getPrincipal)
        .filter(AuthenticatedAccount.class::isInstance)
        .map(
            account ->
                new Caller((AuthenticatedAccount) account, base == null ? "" : base.toString()));
  }

  private static ToolAnswer unauthenticated() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "unauthenticated");
    body.put(
        "message", "Send your API key as 'Authorization: Bearer <key>'; get one with POST /keys.");
    return ToolAnswer.failed(body);
  }

  private static McpSchema.CallToolResult result(ToolAnswer answer, JsonMapper json) {
    return McpSchema.CallToolResult.builder()
        .addTextContent(json.writeValueAsString(answer.body()))
        .isError(answer.error())
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Set<String> argumentNames(McpSchema.Tool definition) {
    Object properties = definition.inputSchema().get("properties");
    return properties instanceof Map<?, ?> map ? (Set<String>) map.keySet() : Set.of();
  }
}
