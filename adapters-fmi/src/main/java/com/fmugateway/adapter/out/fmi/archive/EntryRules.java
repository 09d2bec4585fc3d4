package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses entries that could write outside the extraction folder or make two extractors disagree:
 * {@code ..} segments, absolute paths, symbolic links, NUL characters and duplicate names.
 */
final class EntryRules {

  // Backslashes count as separators here: a Windows extractor would split on them.
  private static final Pattern SEGMENTS = Pattern.compile("[/\\\\]");
  private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

  private EntryRules() {}

  static void check(List<CentralEntry> entries) {
    Set<String> seen = new HashSet<>();
    for (CentralEntry entry : entries) {
      checkName(entry.name());
      if (entry.isSymlink()) {
        throw new InvalidFmuException(ArchiveMessages.symlink(entry.name()));
      }
      if (!seen.add(entry.name())) {
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
