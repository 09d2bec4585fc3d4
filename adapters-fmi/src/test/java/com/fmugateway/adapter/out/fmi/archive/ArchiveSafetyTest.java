package com.fmugateway.adapter.out.fmi.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archives refused before anything inside them is read: not zips, unsafe names, symlinks. */
class ArchiveSafetyTest {

  private static final int REGULAR_FILE = 0100644;
  private static final int SYMLINK = 0120777;

  @TempDir Path folder;

  @Test
  void givenTextFile_inspect_rejectsAsNotAZip() {
    byte[] text = "<fmiModelDescription/>".getBytes(StandardCharsets.UTF_8);

    assertRejected(text)
        .hasMessage(
            "The upload is not a zip archive; an FMU is a zip file with modelDescription.xml at"
                + " its root");
  }

  @Test
  void givenEmptyFile_inspect_rejectsAsNotAZip() {
    assertRejected(new byte[0]).hasMessageStartingWith("The upload is not a zip archive");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"../evil.so", "binaries/../../evil.so", "binaries/..", "a\\..\\..\\b"})
  void givenEntryWithParentSegment_inspect_rejectsZipSlip(String name) {
    byte[] zip = TestFmu.archive().with(name, "payload").bytes();

    assertRejected(zip)
        .hasMessage(
            "Archive entry \""
                + name
                + "\" contains a '..' path segment; FMU entries must stay inside the archive");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"/etc/cron.d/evil", "C:/Windows/evil.dll", "c:evil", "\\evil"})
  void givenAbsoluteEntryName_inspect_rejectsIt(String name) {
    byte[] zip = TestFmu.archive().with(name, "payload").bytes();

    assertRejected(zip)
        .hasMessage(
            "Archive entry \""
                + name
                + "\" is an absolute path; FMU entries must be relative to the archive root");
  }

  @Test
  void givenEntryNamesThatOnlyLookSuspicious_inspect_acceptsThem() {
    byte[] zip =
        TestFmu.archive()
            .with("documentation/..hidden", "x")
            .with("resources/a..b/c.txt", "x")
            .bytes();

    assertThat(TestFmu.inspect(zip, folder).platforms()).containsExactly("linux64");
  }

  @Test
  void givenSymlinkEntry_inspect_rejectsIt() {
    byte[] zip = TestFmu.archive().with("resources/passwd", "/etc/passwd").bytes();

    assertRejected(TestZip.withUnixMode(zip, "resources/passwd", SYMLINK))
        .hasMessage(
            "Archive entry \"resources/passwd\" is a symbolic link; an FMU may contain only"
                + " regular files and folders");
  }

  @Test
  void givenRegularFileWithUnixMode_inspect_acceptsIt() {
    byte[] zip = TestFmu.archive().with("resources/passwd", "/etc/passwd").bytes();

    byte[] regular = TestZip.withUnixMode(zip, "resources/passwd", REGULAR_FILE);

    assertThat(TestFmu.inspect(regular, folder).description().modelName()).isEqualTo("Lag");
  }

  @Test
  void givenTwoEntriesWithOneNameAndDifferentContents_inspect_rejectsTheArchive() {
    byte[] zip =
        TestFmu.archive().with("resources/a.txt", "one").with("resources/b.txt", "two").bytes();

    byte[] duplicated = TestZip.withName(zip, "resources/b.txt", "resources/a.txt");

    assertRejected(duplicated)
        .hasMessage(
            "Archive entry \"resources/a.txt\" occurs twice with different contents; a path may"
                + " occur twice only as an identical copy");
  }

  @Test
  void givenTwoIdenticalEntriesWithOneName_inspect_acceptsTheArchive() {
    byte[] zip =
        TestFmu.archive().with("resources/a.txt", "same").with("resources/b.txt", "same").bytes();

    byte[] duplicated = TestZip.withName(zip, "resources/b.txt", "resources/a.txt");

    assertThat(TestFmu.inspect(duplicated, folder).description().modelName()).isEqualTo("Lag");
  }

  @Test
  void givenLocalHeaderNamedDifferently_inspect_rejectsTheAmbiguity() {
    byte[] zip = TestFmu.archive().with("resources/aaa.txt", "x").bytes();

    byte[] hidden = TestZip.withLocalName(zip, "resources/aaa.txt", "../../../../a.txt");

    assertRejected(hidden)
        .hasMessageStartingWith(
            "Archive entry \"resources/aaa.txt\" is named \"../../../../a.txt\" in its local"
                + " header");
  }

  @Test
  void givenBytesBeforeTheFirstEntry_inspect_rejectsTheArchiveAsDamaged() {
    byte[] zip = TestFmu.archive().bytes();
    byte[] prefixed = new byte[zip.length + 16];
    System.arraycopy(zip, 0, prefixed, 16, zip.length);

    assertRejected(prefixed)
        .hasMessage(
            "The zip archive is damaged: its central directory is not where its end record says;"
                + " re-create the FMU with a standard zip tool");
  }

  @Test
  void givenCorruptCompressedData_inspect_rejectsTheEntryAsUnreadable() {
    byte[] zip = new TestZip().with("modelDescription.xml", "x".repeat(10_000)).bytes();
    // The deflate stream starts after the 30-byte local header and the 20-byte name; 0b111 is a
    // final block of the reserved type 3, which no inflater accepts.
    zip[50] = 0b111;

    assertRejected(zip)
        .hasMessageStartingWith("Archive entry \"modelDescription.xml\" cannot be read (")
        .hasMessageEndingWith("); the archive is corrupt");
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] zip) {
    return assertThatThrownBy(() -> TestFmu.inspect(zip, folder))
        .isInstanceOf(InvalidFmuException.class);
  }
}
