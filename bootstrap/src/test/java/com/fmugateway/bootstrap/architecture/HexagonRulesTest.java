package com.fmugateway.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each rule fails the build on a deliberate violation: the fixtures under {@code archfixture}
 * import Spring into the domain, join two adapters, call a service from an adapter, block, and so
 * on. Without this, a rule that matched nothing would pass forever.
 */
class HexagonRulesTest {

  private static final JavaClasses VIOLATIONS =
      new ClassFileImporter().importPackages("com.fmugateway.archfixture");

  @TestFactory
  Stream<DynamicTest> everyRuleCatchesItsViolation() {
    return new HexagonRules("com.fmugateway.archfixture")
        .all().stream()
            .map(
                rule ->
                    DynamicTest.dynamicTest(
                        "fails: " + rule.getDescription(), () -> assertViolated(rule)));
  }

  private static void assertViolated(ArchRule rule) {
    assertThatThrownBy(() -> rule.check(VIOLATIONS)).isInstanceOf(AssertionError.class);
  }
}
