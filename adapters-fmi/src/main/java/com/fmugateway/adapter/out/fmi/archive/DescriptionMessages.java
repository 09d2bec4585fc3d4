package com.fmugateway.adapter.out.fmi.archive;

import java.util.Locale;

/**
 * What the user reads when {@code modelDescription.xml} is missing, unsafe or neither FMI 2.0 nor
 * 3.0.
 */
final class DescriptionMessages {

  static final String FILE = "modelDescription.xml";
  static final String DOCTYPE = FILE + " must not declare a DOCTYPE or external entities";
  static final String NO_INTERFACE =
      FILE
          + " declares neither <CoSimulation> nor <ModelExchange>, so the FMU offers nothing to"
          + " run";
  static final String NO_INTERFACE_3 =
      FILE
          + " declares none of <CoSimulation>, <ModelExchange> or <ScheduledExecution>, so the FMU"
          + " offers nothing to run";

  private DescriptionMessages() {}

  static String missing() {
    return "The archive has no " + FILE + " at its root; an FMU must have one there";
  }

  static String missingButNested(String found) {
    return missing()
        + " (found \""
        + found
        + "\": zip the contents of the FMU folder, not the folder itself)";
  }

  static String tooLarge(long maxBytes) {
    return FILE + " is larger than " + ArchiveLimits.readable(maxBytes);
  }

  static String tooManyVariables(int maxVariables) {
    return FILE
        + " declares more than "
        + String.format(Locale.ROOT, "%,d", maxVariables)
        + " variables";
  }

  static String malformed(int line, int column, String why) {
    return FILE + " is not well-formed XML (line " + line + ", column " + column + "): " + why;
  }

  static String wrongRoot(String element) {
    return FILE + " must have <fmiModelDescription> as its root element, not <" + element + ">";
  }

  static String unsupportedVersion(String version) {
    if (version.startsWith("1")) {
      return "FMI " + version + " is no longer supported; re-export the model as an FMI 2.0 FMU";
    }
    return FILE + " has fmiVersion \"" + version + "\"; upload an FMI 2.0 or 3.0 FMU";
  }

  static String content(String problem) {
    return FILE + ": " + problem;
  }

  static String badIdentifier(String element, String identifier) {
    return content(
        "<"
            + element
            + "> has modelIdentifier \""
            + identifier
            + "\", which is not a C identifier (letters, digits and underscores, not starting"
            + " with a digit)");
  }
}
