package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.InspectedFmu;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.port.out.FmuInspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Checks that an untrusted upload is a safe FMI 2.0 or 3.0 FMU with an x86_64 Linux binary, and
 * reads its model description, all without extracting anything to disk.
 */
public final class FmuArchiveInspector implements FmuInspector {

  private final ArchiveLimits limits;
  private final Scheduler scheduler;

  public FmuArchiveInspector() {
    this(ArchiveLimits.defaults());
  }

  public FmuArchiveInspector(ArchiveLimits limits) {
    this(limits, Schedulers.boundedElastic());
  }

  /** For tests and callers that keep their own pool for blocking work. */
  public FmuArchiveInspector(ArchiveLimits limits, Scheduler scheduler) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /** Inspects on the blocking scheduler; errors with {@link InvalidFmuException} naming why. */
  @Override
  public Mono<InspectedFmu> inspect(Path archive) {
    return Mono.fromCallable(() -> inspectNow(archive)).subscribeOn(scheduler);
  }

  /**
   * Inspects on the calling thread, for code that is already blocking.
   *
   * @throws InvalidFmuException when the archive is not a safe, runnable FMI 2.0 or 3.0 FMU
   * @throws UncheckedIOException when the file itself cannot be read
   */
  public InspectedFmu inspectNow(Path archive) {
    List<CentralEntry> entries;
    long size;
    try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ)) {
      size = channel.size();
      entries = CentralDirectory.read(channel, limits.maxEntries());
      EntryRules.check(channel, entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + archive, e);
    }
    try (ZipFile zip = open(archive)) {
      ArchiveContents contents = new InflationMeter(limits, size).drain(zip, entries);
      ModelDescription description = readDescription(zip, contents);
      return new InspectedFmu(LinuxBinaries.runnable(description, contents), contents.platforms());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + archive, e);
    }
  }

  private static ZipFile open(Path archive) {
    try {
      return new ZipFile(archive.toFile());
    } catch (ZipException e) {
      // Our own reader accepted the directory, so the JDK has found something subtler.
      throw new InvalidFmuException(ArchiveMessages.damaged(e.getMessage()), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + archive, e);
    }
  }

  private ModelDescription readDescription(ZipFile zip, ArchiveContents contents) {
    String file = DescriptionMessages.FILE;
    if (!contents.hasFile(file)) {
      throw new InvalidFmuException(
          contents
              .nested(file)
              .map(DescriptionMessages::missingButNested)
              .orElseGet(DescriptionMessages::missing));
    }
    if (contents.size(file) > limits.maxDescriptionBytes()) {
      throw new InvalidFmuException(DescriptionMessages.tooLarge(limits.maxDescriptionBytes()));
    }
    // Already inflated once by the meter, so its real size is known to be within the limit.
    try (InputStream in = zip.getInputStream(zip.getEntry(file))) {
      return ModelDescriptionParser.parse(in, limits.maxVariables());
    } catch (IOException e) {
      throw new InvalidFmuException(ArchiveMessages.unreadable(file, e.getMessage()), e);
    }
  }
}
