package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses entries that could write outside the extraction folder or make two extractors disagree:
 * {@code ..} segments, absolute paths, symbolic links, NUL characters and a name given twice with
 * different contents.
 */
final class EntryRules {

  // Backslashes count as separators here: a Windows extractor would split on them.
  private static final Pattern SEGMENTS = Pattern.compile("[/\\\\]");
  private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

  private EntryRules() {}

  /**
   * Checks every entry; a name given twice passes only when both entries store the very same bytes
   * (some exporters write a file twice), since then no extractor can pick a different file.
   */
  static void check(FileChannel zip, List<CentralEntry> entries) throws IOException {
    Map<String, CentralEntry> seen = new HashMap<>();
    for (CentralEntry entry : entries) {
      checkName(entry.name());
      if (entry.isSymlink()) {
        throw new InvalidFmuException(ArchiveMessages.symlink(entry.name()));
      }
      CentralEntry first = seen.putIfAbsent(entry.name(), entry);
      if (first != null && !CentralDirectory.sameData(zip, first, entry)) {
        throw new InvalidFmuException(ArchiveMessages.duplicate(entry.name()));
      }
    }
  }

  static void checkName(String name) {
    if (name.indexOf('\0') >= 0) {
      throw new InvalidFmuException(ArchiveMessages.nulCharacter(name));
    }
    if (name.startsWith("/") || name.startsWith("\\") || DRIVE_LETTER.matcher(name).matches()) {
      throw new InvalidFmuException(ArchiveMessages.absolute(name));
    }
    for (String segment : SEGMENTS.split(name)) {
      if (segment.equals("..")) {
        throw new InvalidFmuException(ArchiveMessages.parentSegment(name));
      }
    }
  }
}
