package com.fmugateway.adapter.out.fmi.sandbox.wire;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Length-prefixed messages on a blocking socket channel: a 4-byte size, then the message. */
public final class Frames {

  private Frames() {}

  public static void write(SocketChannel channel, WireOutput message) throws IOException {
    ByteBuffer body = message.contents();
    ByteBuffer header = ByteBuffer.allocate(Integer.BYTES).putInt(body.remaining()).flip();
    ByteBuffer[] parts = {header, body};
    while (header.hasRemaining() || body.hasRemaining()) {
      channel.write(parts);
    }
  }

  /**
   * Reads the next message.
   *
   * @throws EOFException when the other side closed the connection, before or within a message
   * @throws FrameTooLargeException when the announced size exceeds {@code maxBytes}; the message is
   *     left unread
   */
  public static ByteBuffer read(SocketChannel channel, long maxBytes) throws IOException {
    ByteBuffer header = fill(channel, ByteBuffer.allocate(Integer.BYTES));
    int size = header.flip().getInt();
    if (size < 0) {
      throw new ProtocolException("negative message size " + size);
    }
    if (size > maxBytes) {
      throw new FrameTooLargeException(size);
    }
    return fill(channel, ByteBuffer.allocate(size)).flip();
  }

  private static ByteBuffer fill(SocketChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new EOFException("connection closed by the other side");
      }
    }
    return buffer;
  }

  /** A message announced as larger than the reader accepts. */
  public static final class FrameTooLargeException extends IOException {

    private final long size;

    FrameTooLargeException(long size) {
      super("message of " + size + " bytes is too large");
      this.size = size;
    }

    long size() {
      return size;
    }
  }
}
