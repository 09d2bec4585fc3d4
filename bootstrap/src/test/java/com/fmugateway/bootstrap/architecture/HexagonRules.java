package com.fmugateway.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rules of the hexagon, for any base package, so that a test can prove each rule
 * fails on a deliberate violation as well as pass on the real code.
 */
final class HexagonRules {

  private final String base;

  HexagonRules(String base) {
    this.base = base;
  }

  ArchRule domainDependsOnlyOnJdkAndReactor() {
    return classes()
        .that()
        .resideInAPackage(base + ".domain..")
        .should()
        .onlyDependOnClassesThat()
        // javax.crypto is the JDK's own HMAC, which keys the stored API-key hashes.
        .resideInAnyPackage("java..", "javax.crypto..", "reactor..", base + ".domain..")
        .as("the domain depends only on the JDK, reactor-core and itself");
  }

  ArchRule adaptersDoNotDependOnEachOther() {
    return slices()
        .matching(base + ".adapter.*.(*)..")
        .should()
        .notDependOnEachOther()
        .as("adapters and the portal do not depend on each other");
  }

  ArchRule nothingDependsOnBootstrap() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(base + ".bootstrap..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".bootstrap..")
        .as("nothing depends on bootstrap");
  }

  ArchRule adaptersUsePortsNotServices() {
    return noClasses()
        .that()
        .resideInAPackage(base + ".adapter..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".domain.service..")
        .as("adapters reach the core through ports, never its services");
  }

  ArchRule inPortsDoNotDependOnOutPorts() {
    return noClasses()
        .that()
        .resideInAPackage(base + ".domain.port.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".domain.port.out..")
        .as("in-ports are independent of out-ports");
  }

  ArchRule outPortsDoNotDependOnInPorts() {
    return noClasses()
        .that()
        .resideInAPackage(base + ".domain.port.out..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".domain.port.in..")
        .as("out-ports are independent of in-ports");
  }

  ArchRule noBlockingCalls() {
    return noClasses()
        .that()
        .resideInAPackage(base + "..")
        .should()
        .callMethodWhere(blockingReactorCall())
        .as("main code never calls block() (or blockFirst/blockLast/blockOptional)");
  }

  ArchRule springDataOnlyInPersistence() {
    return noClasses()
        .that()
        .resideInAPackage(base + "..")
        .and()
        .resideOutsideOfPackage(base + ".adapter.out.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.data..", "org.springframework.r2dbc..", "io.r2dbc..")
        .as("Spring Data and R2DBC types appear only in adapters-persistence");
  }

  List<ArchRule> all() {
    return List.of(
        domainDependsOnlyOnJdkAndReactor(),
        adaptersDoNotDependOnEachOther(),
        nothingDependsOnBootstrap(),
        adaptersUsePortsNotServices(),
        inPortsDoNotDependOnOutPorts(),
        outPortsDoNotDependOnInPorts(),
        noBlockingCalls(),
        springDataOnlyInPersistence());
  }

  private static DescribedPredicate<JavaCall<?>> blockingReactorCall() {
    return DescribedPredicate.describe(
        "a blocking Mono/Flux call",
        call ->
            call.getName().startsWith("block")
                && (call.getTargetOwner().isAssignableTo("reactor.core.publisher.Mono")
                    || call.getTargetOwner().isAssignableTo("reactor.core.publisher.Flux")));
  }
}
