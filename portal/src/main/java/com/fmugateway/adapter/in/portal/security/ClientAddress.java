package com.fmugateway.adapter.in.portal.security;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from: the peer's, or the client's as the proxy reported it when the
 * gateway is configured to run behind one (forwarded headers are then applied first).
 */
final class ClientAddress {

  private ClientAddress() {}

  static String of(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
