package com.fmugateway.adapter.out.fmi.archive;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a checked archive and the number of bytes each really inflated to.
 *
 * @param fileSizes uncompressed size by entry name, folders excluded
 */
record ArchiveContents(Map<String, Long> fileSizes) {

  private static final String BINARIES = "binaries/";

  ArchiveContents {
    fileSizes = Map.copyOf(fileSizes);
  }

  boolean hasFile(String name) {
    return fileSizes.containsKey(name);
  }

  long size(String name) {
    return fileSizes.getOrDefault(name, 0L);
  }

  /** Folders directly under {@code binaries/} that hold at least one file, sorted. */
  List<String> platforms() {
    return fileSizes.keySet().stream()
        .filter(name -> name.startsWith(BINARIES))
        .map(name -> name.substring(BINARIES.length()))
        .filter(rest -> rest.indexOf('/') > 0)
        .map(rest -> rest.substring(0, rest.indexOf('/')))
        .distinct()
        .sorted()
        .toList();
  }

  /** The shallowest file with this name inside some folder, as found when a folder was zipped. */
  Optional<String> nested(String fileName) {
    return fileSizes.keySet().stream()
        .filter(name -> name.endsWith("/" + fileName))
        .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
  }
}
