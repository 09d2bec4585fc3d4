package com.fmugateway.adapter.in.http.simulation;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Mono;

/**
 * A streamed body's text, written out in pieces of at least {@link #FLUSH_CHARS} characters while
 * the run goes on and the rest at its end. Each write from outside the connection's event loop is
 * handed to that loop and wakes it, so a small result leaves in one write, with its end, rather
 * than one per worker message; a large one still starts leaving before the run ends, the gateway
 * holding at most a piece of it.
 */
final class TextPieces {

  /** Text at which a piece leaves before the run ends: about a worker message's numbers. */
  static final int FLUSH_CHARS = 32 << 10;

  private StringBuilder text = new StringBuilder();

  /** Where the next text goes. */
  StringBuilder text() {
    return text;
  }

  /** The text so far as one piece once it has reached {@link #FLUSH_CHARS}; otherwise nothing. */
  Mono<DataBuffer> whenFull() {
    return text.length() < FLUSH_CHARS ? Mono.empty() : all();
  }

  /** All the text so far as one piece, nothing if there is none. */
  Mono<DataBuffer> all() {
    if (text.isEmpty()) {
      return Mono.empty();
    }
    DataBuffer piece = bytes(text.toString());
    text = new StringBuilder();
    return Mono.just(piece);
  }

  static DataBuffer bytes(String text) {
    return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
