package com.fmugateway.adapter.out.fmi.sandbox.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FramesTest {

  @TempDir Path dir;

  private SocketChannel gateway;
  private SocketChannel worker;

  @BeforeEach
  void connect() throws Exception {
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("s"));
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(address);
      worker = SocketChannel.open(address);
      gateway = server.accept();
    }
  }

  @AfterEach
  void close() throws Exception {
    gateway.close();
    worker.close();
  }

  @Test
  void aMessage_arrivesWhole() throws Exception {
    Frames.write(worker, new WireOutput().writeString("hello").writeLong(42));

    ByteBuffer message = Frames.read(gateway, 1024);

    WireInput in = new WireInput(message);
    assertThat(in.readString()).isEqualTo("hello");
    assertThat(in.readLong()).isEqualTo(42);
  }

  @Test
  void anEmptyMessage_stillSendsItsSize() throws Exception {
    Frames.write(worker, new WireOutput());

    assertThat(Frames.read(gateway, 0).remaining()).isZero();
  }

  @Test
  void aMessageAnnouncedLargerThanAllowed_isRefusedUnread() throws Exception {
    Frames.write(worker, new WireOutput().writeDoubles(new double[100]));

    assertThatThrownBy(() -> Frames.read(gateway, 100))
        .isInstanceOfSatisfying(
            Frames.FrameTooLargeException.class, e -> assertThat(e.size()).isEqualTo(804));
  }

  @Test
  void aConnectionClosedMidMessage_isAnEndOfFile() throws Exception {
    worker.write(ByteBuffer.allocate(6).putInt(10).putShort((short) 1).flip());
    worker.close();

    assertThatThrownBy(() -> Frames.read(gateway, 1024)).isInstanceOf(EOFException.class);
  }

  @Test
  void aNegativeSize_isAProtocolViolation() throws Exception {
    worker.write(ByteBuffer.allocate(4).putInt(-1).flip());

    assertThatThrownBy(() -> Frames.read(gateway, 1024)).isInstanceOf(ProtocolException.class);
  }
}
