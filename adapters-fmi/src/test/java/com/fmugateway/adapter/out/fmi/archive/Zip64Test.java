package com.fmugateway.adapter.out.fmi.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zip64 archives: the JDK writes them past 65,535 entries, and some tools for any archive. The
 * hand-built one below has every 32-bit field saturated, as only a multi-gigabyte archive would.
 */
class Zip64Test {

  private static final long SATURATED = 0xFFFFFFFFL;

  @TempDir Path folder;

  @Test
  void givenMoreEntriesThanA16BitCount_inspect_readsTheZip64EndRecord() {
    TestZip zip = TestFmu.archive();
    for (int i = 0; i < 65_536; i++) {
      zip.with("resources/" + i, new byte[0]);
    }
    ArchiveLimits roomy = new ArchiveLimits(70_000, 1L << 30, 200, 1L << 20, 1L << 26);

    assertThat(TestFmu.inspect(zip.bytes(), folder, roomy).description().modelName())
        .isEqualTo("Lag");
  }

  @Test
  void givenSaturatedFields_read_takesSizesAndOffsetFromTheZip64ExtraField() throws IOException {
    byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
    Path zip = TestFmu.write(storedZip64("a.txt", content), folder);

    try (FileChannel channel = FileChannel.open(zip)) {
      List<CentralEntry> entries = CentralDirectory.read(channel, 10);

      assertThat(entries)
          .extracting(CentralEntry::name, CentralEntry::size, CentralEntry::compressedSize)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "a.txt", (long) content.length, (long) content.length));
    }
    // The JDK reads the hand-built archive the same way, so the fixture itself is sound.
    try (ZipFile jdk = new ZipFile(zip.toFile())) {
      assertThat(jdk.getInputStream(jdk.getEntry("a.txt")).readAllBytes()).isEqualTo(content);
    }
  }

  /** One stored entry whose central record defers sizes and offset to a Zip64 extra field. */
  private static byte[] storedZip64(String name, byte[] content) {
    byte[] rawName = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer local = buffer(30 + rawName.length);
    local.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) 0);
    local.putInt(0).putInt(crc(content)).putInt(content.length).putInt(content.length);
    local.putShort((short) rawName.length).putShort((short) 0).put(rawName);
    out.writeBytes(local.array());
    out.writeBytes(content);

    long directoryOffset = out.size();
    ByteBuffer central = buffer(46 + rawName.length + 28);
    central.putInt(0x02014b50).putShort((short) 45).putShort((short) 45);
    central.putShort((short) 0).putShort((short) 0).putInt(0).putInt(crc(content));
    central.putInt((int) SATURATED).putInt((int) SATURATED);
    central.putShort((short) rawName.length).putShort((short) 28).putShort((short) 0);
    central.putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) SATURATED);
    central.put(rawName);
    central.putShort((short) 1).putShort((short) 24);
    central.putLong(content.length).putLong(content.length).putLong(0);
    out.writeBytes(central.array());

    long end64Offset = out.size();
    ByteBuffer end64 = buffer(56 + 20 + 22);
    end64.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45);
    end64.putInt(0).putInt(0).putLong(1).putLong(1);
    end64.putLong(central.capacity()).putLong(directoryOffset);
    end64.putInt(0x07064b50).putInt(0).putLong(end64Offset).putInt(1);
    end64.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
    end64.putShort((short) 0xFFFF).putShort((short) 0xFFFF);
    end64.putInt((int) SATURATED).putInt((int) SATURATED).putShort((short) 0);
    out.writeBytes(end64.array());
    return out.toByteArray();
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int crc(byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content);
    return (int) crc.getValue();
  }
}
