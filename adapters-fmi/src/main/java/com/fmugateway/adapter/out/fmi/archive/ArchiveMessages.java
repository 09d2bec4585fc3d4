package com.fmugateway.adapter.out.fmi.archive;

/**
 * What the user reads when an archive is refused at the zip level. Each message says what is wrong
 * and, where it is not obvious, what to do instead.
 */
final class ArchiveMessages {

  static final String NOT_A_ZIP =
      "The upload is not a zip archive; an FMU is a zip file with modelDescription.xml at its root";
  static final String NAME_NOT_UTF8 =
      "An archive entry name is not valid UTF-8; re-create the FMU with a standard zip tool";
  private static final String BOMB = "this looks like a zip bomb and is refused";
  private static final String RECREATE = "re-create the FMU with a standard zip tool";

  private ArchiveMessages() {}

  static String damaged(String why) {
    return "The zip archive is damaged: " + why + "; " + RECREATE;
  }

  static String ambiguousName(String name, String localName) {
    return "Archive entry \""
        + name
        + "\" is named \""
        + localName
        + "\" in its local header, so tools would disagree about its contents; "
        + RECREATE;
  }

  static String duplicate(String name) {
    return "Archive entry \""
        + name
        + "\" occurs twice with different contents; a path may occur twice only as an identical"
        + " copy";
  }

  static String parentSegment(String name) {
    return "Archive entry \""
        + name
        + "\" contains a '..' path segment; FMU entries must stay inside the archive";
  }

  static String absolute(String name) {
    return "Archive entry \""
        + name
        + "\" is an absolute path; FMU entries must be relative to the archive root";
  }

  static String nulCharacter(String name) {
    return "Archive entry \"" + name.replace('\0', '?') + "\" contains a NUL character";
  }

  static String symlink(String name) {
    return "Archive entry \""
        + name
        + "\" is a symbolic link; an FMU may contain only regular files and folders";
  }

  static String tooManyEntries(int max) {
    return "The archive has more than " + max + " entries; an FMU may have at most " + max;
  }

  static String tooLarge(long maxBytes) {
    return "The archive expands to more than "
        + ArchiveLimits.readable(maxBytes)
        + "; an FMU may hold at most that much uncompressed";
  }

  static String entryRatio(String name, long ratio) {
    return "Archive entry \"" + name + "\" expands more than " + ratio + ":1; " + BOMB;
  }

  static String overallRatio(long ratio) {
    return "The archive expands more than " + ratio + ":1 overall; " + BOMB;
  }

  static String unreadable(String name, String why) {
    return "Archive entry \"" + name + "\" cannot be read (" + why + "); the archive is corrupt";
  }
}
