package com.fmugateway.adapter.in.http.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Requests Netty's HTTP decoder refuses (a request line or URI too long: 414; headers too large:
 * 431; a request it cannot parse: 400) never reach Spring: Reactor Netty answers them itself with
 * an empty body. This handler sits right after the codec and gives those answers a problem+json
 * body. Only empty responses without a content type are touched, so every answer the application
 * wrote passes unchanged.
 */
@ChannelHandler.Sharable
public final class DecoderFailureProblems extends ChannelOutboundHandlerAdapter {

  private static final Map<Integer, String> DETAILS =
      Map.of(
          414,
          "the request line (method and URI) is too long; send large input in the body",
          431,
          "the request headers are too large",
          400,
          "the request is not valid HTTP (a malformed request line or header)");

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof FullHttpResponse response
        && response.content().readableBytes() == 0
        && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
        && DETAILS.containsKey(response.status().code())) {
      ctx.write(withBody(response), promise);
      return;
    }
    ctx.write(msg, promise);
  }

  private static FullHttpResponse withBody(FullHttpResponse empty) {
    HttpResponseStatus status = empty.status();
    String json =
        "{\"type\":\"about:blank\",\"title\":\""
            + status.reasonPhrase()
            + "\",\"status\":"
            + status.code()
            + ",\"detail\":\""
            + DETAILS.get(status.code())
            + "\"}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse full = empty.replace(Unpooled.wrappedBuffer(bytes));
    empty.release();
    full.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    return full;
  }
}
