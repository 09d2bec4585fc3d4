package com.fmugateway.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The real main code of every module obeys every rule of the hexagon. */
class ArchitectureTest {

  private static JavaClasses mainCode;

  @BeforeAll
  static void importMainCode() {
    mainCode =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Modules arrive as jars in a reactor build; their test-jars hold fixtures, not main
            // code.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("com.fmugateway");
  }

  @TestFactory
  Stream<DynamicTest> mainCodeFollowsEveryRule() {
    return new HexagonRules("com.fmugateway")
        .all().stream()
            .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
  }

  private static void check(ArchRule rule) {
    rule.check(mainCode);
  }
}
