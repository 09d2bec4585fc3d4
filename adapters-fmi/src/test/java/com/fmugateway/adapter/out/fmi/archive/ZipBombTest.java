package com.fmugateway.adapter.out.fmi.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives that would inflate out of all proportion. Each stays cheap to build: zeros deflate about
 * 1000:1, and where a cap is large the test lowers it through {@link ArchiveLimits}.
 */
class ZipBombTest {

  private static final int KIB = 1024;
  private static final int MIB = 1024 * KIB;

  @TempDir Path folder;

  @Test
  void givenMoreEntriesThanTheDefaultCap_inspect_rejectsBeforeReadingThem() {
    TestZip zip = TestFmu.archive();
    for (int i = 0; i < 10_000; i++) {
      zip.with("resources/" + i, new byte[0]);
    }

    assertThatThrownBy(() -> TestFmu.inspect(zip.bytes(), folder))
        .isInstanceOf(InvalidFmuException.class)
        .hasMessage("The archive has more than 10000 entries; an FMU may have at most 10000");
  }

  @Test
  void givenAsManyEntriesAsALoweredCap_inspect_acceptsThem() {
    byte[] zip = TestFmu.archive().with("resources/a", "a").bytes();

    assertThat(TestFmu.inspect(zip, folder, limits(3, 1024 * MIB, 200)).platforms())
        .containsExactly("linux64");
    assertThatThrownBy(() -> TestFmu.inspect(zip, folder, limits(2, 1024 * MIB, 200)))
        .hasMessageStartingWith("The archive has more than 2 entries");
  }

  @Test
  void givenIncompressibleEntriesPastTheTotalCap_inspect_rejectsTheArchive() {
    byte[] zip =
        TestFmu.archive()
            .with("resources/a.bin", noise(600 * KIB))
            .with("resources/b.bin", noise(600 * KIB))
            .bytes();

    assertThatThrownBy(() -> TestFmu.inspect(zip, folder, limits(10_000, MIB, 200)))
        .isInstanceOf(InvalidFmuException.class)
        .hasMessage(
            "The archive expands to more than 1 MiB; an FMU may hold at most that much"
                + " uncompressed");
  }

  @Test
  void givenCentralDirectoryUnderstatingAnEntry_inspect_countsTheBytesReallyInflated() {
    byte[] zip = TestFmu.archive().with("resources/zeros", new byte[2 * MIB]).bytes();

    byte[] lying = TestZip.withDeclaredSize(zip, "resources/zeros", 10);

    assertThatThrownBy(() -> TestFmu.inspect(lying, folder, limits(10_000, MIB, 1_000_000)))
        .isInstanceOf(InvalidFmuException.class)
        .hasMessageStartingWith("The archive expands to more than 1 MiB");
  }

  @Test
  void givenOneEntryCompressedFarBeyond200To1_inspect_rejectsItAsABomb() {
    byte[] zip = TestFmu.archive().with("resources/zeros", new byte[5 * MIB]).bytes();

    assertThatThrownBy(() -> TestFmu.inspect(zip, folder))
        .isInstanceOf(InvalidFmuException.class)
        .hasMessage(
            "Archive entry \"resources/zeros\" expands more than 200:1; this looks like a zip bomb"
                + " and is refused");
  }

  @Test
  void givenManySmallEntriesCompressedBeyond200To1_inspect_rejectsTheWholeAsABomb() {
    TestZip zip = TestFmu.archive();
    for (int i = 0; i < 16; i++) {
      zip.with("resources/zeros" + i, new byte[512 * KIB]);
    }

    assertThatThrownBy(() -> TestFmu.inspect(zip.bytes(), folder))
        .isInstanceOf(InvalidFmuException.class)
        .hasMessage(
            "The archive expands more than 200:1 overall; this looks like a zip bomb and is"
                + " refused");
  }

  @Test
  void givenSmallHighlyCompressedEntry_inspect_acceptsItBelowTheRatioFloor() {
    byte[] zip = TestFmu.archive().with("resources/zeros", new byte[512 * KIB]).bytes();

    assertThat(TestFmu.inspect(zip, folder).description().modelName()).isEqualTo("Lag");
  }

  @Test
  void givenModelDescriptionPastItsCap_inspect_rejectsIt() {
    String padded = TestFmu.description(TestFmu.VARIABLES + "<!--" + "x".repeat(4096) + "-->");
    byte[] zip = TestFmu.archive(padded).bytes();
    ArchiveLimits limits = new ArchiveLimits(10_000, 1024L * MIB, 200, MIB, 4 * KIB);

    assertThatThrownBy(() -> TestFmu.inspect(zip, folder, limits))
        .isInstanceOf(InvalidFmuException.class)
        .hasMessage("modelDescription.xml is larger than 4096 bytes");
  }

  private static ArchiveLimits limits(int entries, long totalBytes, long ratio) {
    return new ArchiveLimits(entries, totalBytes, ratio, MIB, 64L * MIB);
  }

  private static byte[] noise(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
