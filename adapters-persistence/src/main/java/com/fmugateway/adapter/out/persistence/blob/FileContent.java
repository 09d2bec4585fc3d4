package com.fmugateway.adapter.out.persistence.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** A local file as a stream of buffers, read as they are asked for, off the event loop. */
public final class FileContent {

  private static final int READ_SIZE = 256 * 1024;

  private FileContent() {}

  public static Flux<ByteBuffer> read(Path file) {
    return Flux.using(
            () -> FileChannel.open(file, StandardOpenOption.READ),
            channel ->
                Flux.<ByteBuffer>generate(
                    sink -> {
                      ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
                      try {
                        int n = channel.read(buffer);
                        if (n < 0) {
                          sink.complete();
                        } else {
                          sink.next(buffer.flip());
                        }
                      } catch (IOException e) {
                        sink.error(new UncheckedIOException("could not read " + file, e));
                      }
                    }),
            FileContent::close)
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // A read-only channel has nothing to flush.
    }
  }
}
