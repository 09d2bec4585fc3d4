package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which run gets which loaded copy of an FMU, and when a copy is unloaded. */
class LoadedFmusTest {

  @TempDir Path dir;

  /** A stand-in for a loaded FMU: the folder it was unpacked into. */
  private record Copy(Path folder) {}

  private final List<Copy> loaded = new ArrayList<>();
  private final List<Copy> unloaded = new ArrayList<>();

  /** Copies still lent or idle when a test ends are unpacked in the temporary folder. */
  @AfterEach
  void deleteUnpackedCopies() {
    loaded.forEach(copy -> FmuArchive.delete(copy.folder()));
  }

  private LoadedFmus<Copy> copies(int maxIdle) {
    return new LoadedFmus<>(maxIdle, false, unloaded::add);
  }

  private Copy load(Path folder) {
    Copy copy = new Copy(folder);
    loaded.add(copy);
    return copy;
  }

  @Test
  void theNextRunOfAnArchiveGetsTheCopyOfTheLastSuccessfulRun() throws IOException {
    LoadedFmus<Copy> copies = copies(4);
    Path archive = archive("a.fmu", "one");

    LoadedFmus.Lease<Copy> first = copies.take(archive, this::load);
    copies.giveBack(first, true);
    LoadedFmus.Lease<Copy> second = copies.take(archive, this::load);

    assertThat(second.fmu()).isSameAs(first.fmu());
    assertThat(loaded).hasSize(1);
    assertThat(Files.readString(second.fmu().folder().resolve("modelDescription.xml")))
        .isEqualTo("one");
  }

  @Test
  void theSameArchiveReachedThroughALink_getsTheSameCopy() throws IOException {
    LoadedFmus<Copy> copies = copies(4);
    Path archive = archive("a.fmu", "one");
    Path link = Files.createSymbolicLink(dir.resolve("link.fmu"), archive);

    LoadedFmus.Lease<Copy> first = copies.take(archive, this::load);
    copies.giveBack(first, true);
    LoadedFmus.Lease<Copy> second = copies.take(link, this::load);

    assertThat(second.fmu()).isSameAs(first.fmu());
    assertThat(loaded).hasSize(1);
  }

  @Test
  void aCopyLoadedWithOneBinaryOfAnArchive_isNotLentToARunOfAnother() throws IOException {
    LoadedFmus<Copy> copies = copies(4);
    Path archive = archive("a.fmu", "one");

    LoadedFmus.Lease<Copy> modelExchange = copies.take(archive, "BallMe", this::load);
    copies.giveBack(modelExchange, true);
    LoadedFmus.Lease<Copy> coSimulation = copies.take(archive, "BallCs", this::load);
    copies.giveBack(coSimulation, true);

    assertThat(coSimulation.fmu()).isNotSameAs(modelExchange.fmu());
    assertThat(copies.take(archive, "BallMe", this::load).fmu()).isSameAs(modelExchange.fmu());
  }

  @Test
  void runsAtTheSameTimeNeverShareACopy() throws IOException {
    LoadedFmus<Copy> copies = copies(4);
    Path archive = archive("a.fmu", "one");

    LoadedFmus.Lease<Copy> first = copies.take(archive, this::load);
    LoadedFmus.Lease<Copy> second = copies.take(archive, this::load);

    assertThat(second.fmu()).isNotSameAs(first.fmu());
    assertThat(second.fmu().folder()).isNotEqualTo(first.fmu().folder());
  }

  @Test
  void aFailedRunsCopyIsUnloadedAndItsFolderDeleted() throws IOException {
    LoadedFmus<Copy> copies = copies(4);
    Path archive = archive("a.fmu", "one");

    LoadedFmus.Lease<Copy> failed = copies.take(archive, this::load);
    copies.giveBack(failed, false);
    LoadedFmus.Lease<Copy> next = copies.take(archive, this::load);

    assertThat(unloaded).containsExactly(failed.fmu());
    assertThat(failed.fmu().folder()).doesNotExist();
    assertThat(next.fmu()).isNotSameAs(failed.fmu());
  }

  @Test
  void anArchiveReplacedUnderTheSameNameIsLoadedAfresh() throws IOException {
    LoadedFmus<Copy> copies = copies(4);
    Path archive = archive("a.fmu", "one");
    copies.giveBack(copies.take(archive, this::load), true);

    archive("a.fmu", "a longer description");
    LoadedFmus.Lease<Copy> replaced = copies.take(archive, this::load);

    assertThat(loaded).hasSize(2);
    assertThat(Files.readString(replaced.fmu().folder().resolve("modelDescription.xml")))
        .isEqualTo("a longer description");
  }

  @Test
  void anArchiveGoneSinceItsLastRun_isNotServedFromItsCopy() throws IOException {
    LoadedFmus<Copy> copies = copies(4);
    Path archive = archive("a.fmu", "one");
    copies.giveBack(copies.take(archive, this::load), true);

    Files.delete(archive);

    assertThatThrownBy(() -> copies.take(archive, this::load))
        .isInstanceOf(SimulationFailedException.class)
        .hasMessageContaining("cannot be read");
  }

  @Test
  void forFixedArchives_aKeptCopyIsFoundByThePathAlone_withoutLookingAtTheFile()
      throws IOException {
    LoadedFmus<Copy> copies = new LoadedFmus<>(4, true, unloaded::add);
    Path archive = archive("a.fmu", "one");
    Path other = archive("b.fmu", "two");
    LoadedFmus.Lease<Copy> first = copies.take(archive, this::load);
    copies.giveBack(first, true);
    copies.giveBack(copies.take(other, this::load), true);

    Files.delete(archive);
    LoadedFmus.Lease<Copy> again = copies.take(archive, this::load);

    assertThat(again.fmu()).isSameAs(first.fmu());
    assertThat(copies.take(other, this::load).fmu()).isNotSameAs(first.fmu());
    assertThat(loaded).hasSize(2);
  }

  @Test
  void theLeastRecentlyUsedIdleCopyIsUnloadedBeyondTheLimit() throws IOException {
    LoadedFmus<Copy> copies = copies(2);
    Path a = archive("a.fmu", "a");
    Path b = archive("b.fmu", "b");
    Path c = archive("c.fmu", "c");
    LoadedFmus.Lease<Copy> leaseA = copies.take(a, this::load);
    LoadedFmus.Lease<Copy> leaseB = copies.take(b, this::load);
    LoadedFmus.Lease<Copy> leaseC = copies.take(c, this::load);

    copies.giveBack(leaseA, true);
    copies.giveBack(leaseB, true);
    copies.giveBack(copies.take(a, this::load), true);
    copies.giveBack(leaseC, true);

    assertThat(unloaded).containsExactly(leaseB.fmu());
    assertThat(leaseB.fmu().folder()).doesNotExist();
    assertThat(copies.idleCopies()).isEqualTo(2);
    assertThat(copies.take(a, this::load).fmu()).isSameAs(leaseA.fmu());
  }

  @Test
  void aCopyIsRetiredAfterItsRunLimit() throws IOException {
    LoadedFmus<Copy> copies = copies(4);
    Path archive = archive("a.fmu", "one");
    LoadedFmus.Lease<Copy> lease = copies.take(archive, this::load);
    Copy first = lease.fmu();

    for (int run = 1; run < LoadedFmus.MAX_RUNS_PER_COPY; run++) {
      copies.giveBack(lease, true);
      lease = copies.take(archive, this::load);
    }
    assertThat(lease.fmu()).isSameAs(first);
    copies.giveBack(lease, true);

    assertThat(unloaded).containsExactly(first);
    assertThat(copies.take(archive, this::load).fmu()).isNotSameAs(first);
  }

  @Test
  void aCopyMayAskForItsOwnRunLimit_askedAfterEachRun() throws IOException {
    Map<Copy, Integer> limits = new HashMap<>();
    LoadedFmus<Copy> copies =
        new LoadedFmus<>(4, false, copy -> limits.getOrDefault(copy, 1_000_000), unloaded::add);
    Path archive = archive("a.fmu", "one");
    LoadedFmus.Lease<Copy> lease = copies.take(archive, this::load);
    Copy first = lease.fmu();
    for (int run = 1; run <= 5; run++) {
      copies.giveBack(lease, true);
      lease = copies.take(archive, this::load);
    }
    assertThat(lease.fmu()).as("past the default limit's first runs").isSameAs(first);

    limits.put(first, 3); // say the copy made an instance that FMI4j will never forget
    copies.giveBack(lease, true);

    assertThat(unloaded).containsExactly(first);
    assertThat(copies.take(archive, this::load).fmu()).isNotSameAs(first);
  }

  @Test
  void clearUnloadsEveryIdleCopy() throws IOException {
    LoadedFmus<Copy> copies = copies(4);
    LoadedFmus.Lease<Copy> a = copies.take(archive("a.fmu", "a"), this::load);
    LoadedFmus.Lease<Copy> b = copies.take(archive("b.fmu", "b"), this::load);
    copies.giveBack(a, true);
    copies.giveBack(b, true);

    copies.clear();

    assertThat(unloaded).containsExactlyInAnyOrder(a.fmu(), b.fmu());
    assertThat(a.fmu().folder()).doesNotExist();
    assertThat(b.fmu().folder()).doesNotExist();
    assertThat(copies.idleCopies()).isZero();
  }

  private Path archive(String name, String description) throws IOException {
    Path archive = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      zip.putNextEntry(new ZipEntry("modelDescription.xml"));
      zip.write(description.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    // A replacement within the file system's timestamp resolution must still look different.
    Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
    return archive;
  }
}
