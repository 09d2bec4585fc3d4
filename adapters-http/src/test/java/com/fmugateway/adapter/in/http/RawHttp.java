package com.fmugateway.adapter.in.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes on a socket, for requests no HTTP client library would send (a bare control character in a
 * header, a multipart body cut short, a 20 KB request line), and the answer as read off the wire.
 */
public final class RawHttp {

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** One request on a fresh connection ({@code Connection: close}); the server's whole answer. */
  public Answer send(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      in.transferTo(read);
      return new Answer(read.toString(StandardCharsets.UTF_8));
    }
  }

  public Answer post(String path, String key, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + key
            + "\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + bytes.length
            + "\r\nConnection: close\r\n\r\n"
            + new String(bytes, StandardCharsets.ISO_8859_1));
  }

  /** An HTTP/1.1 answer: status line, headers, body. */
  public record Answer(String raw) {

    public int status() {
      return Integer.parseInt(raw.substring(9, 12));
    }

    public String header(String name) {
      String head = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
      int at = head.indexOf("\r\n" + name.toLowerCase(Locale.ROOT) + ":");
      if (at < 0) {
        return null;
      }
      int start = at + name.length() + 3;
      int end = head.indexOf("\r\n", start);
      return raw.substring(start, end < 0 ? head.length() : end).trim();
    }

    public String body() {
      return raw.substring(raw.indexOf("\r\n\r\n") + 4);
    }
  }
}
