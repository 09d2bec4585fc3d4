package com.fmugateway.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
        .resideInAPackage(base + ".domain..service..")
        .as("adapters reach the core through ports, never its services");
  }

  ArchRule inPortsDoNotDependOnOutPorts() {
    return noClasses()
        .that()
        .resideInAPackage(base + ".domain..port.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".domain..port.out..")
        .as("in-ports are independent of out-ports");
  }

  ArchRule outPortsDoNotDependOnInPorts() {
    return noClasses()
        .that()
        .resideInAPackage(base + ".domain..port.out..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".domain..port.in..")
        .as("out-ports are independent of in-ports");
  }

  /**
   * A service package shows only its use cases: every public top-level class there implements an
   * in-port, and the helpers behind it stay package-private.
   */
  ArchRule onlyUseCasesArePublicInServicePackages() {
    return classes()
        .that()
        .resideInAPackage(base + ".domain..service..")
        .and()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .should(implementAnInPort())
        .as("a public class in a domain service package implements a use case (an in-port)");
  }

  /**
   * Business areas ({@code domain.<area>}) meet only through each other's in-ports and published
   * model types; their out-ports and services are their own. {@code domain.shared} is everyone's.
   */
  ArchRule areasMeetThroughInPortsAndModels() {
    return classes()
        .that()
        .resideInAPackage(base + ".domain..")
        .should(reachOtherAreasOnlyThroughInPortsAndModels())
        .as("business areas depend on each other only through in-ports and model types");
  }

  ArchRule noFireAndForgetInTheDomain() {
    return noClasses()
        .that()
        .resideInAPackage(base + ".domain..")
        .should()
        .callMethodWhere(subscribeCall())
        .as("the domain never subscribe()s: work it starts stays in the caller's reactive chain");
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

  /**
   * The MCP SDK and its Spring transport serve one inbound adapter (ADR 0012); the REST API, the
   * portal and the domain know nothing of MCP.
   */
  ArchRule mcpOnlyInItsAdapter() {
    return noClasses()
        .that()
        .resideInAPackage(base + "..")
        .and()
        .resideOutsideOfPackage(base + ".adapter.in.mcp..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.modelcontextprotocol..", "org.springframework.ai..")
        .as("MCP SDK types appear only in adapters-mcp");
  }

  /**
   * The worker JVM gets a class path of its own, without Spring (WorkerClasspath), so a Spring type
   * in the worker's code would fail only at run time, inside the sandbox.
   */
  ArchRule sandboxWorkerWithoutSpring() {
    return noClasses()
        .that()
        .resideInAPackage(sandbox() + ".worker..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .as("the sandbox worker never depends on Spring");
  }

  /** What runs inside a worker JVM knows the gateway only through the wire protocol. */
  ArchRule sandboxWorkerKnowsNeitherPoolNorHost() {
    return noClasses()
        .that()
        .resideInAPackage(sandbox() + ".worker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(sandbox() + ".pool..", sandbox() + ".host..")
        .as("the sandbox worker never depends on the sandbox pool or host");
  }

  /** The protocol is shared by both JVMs, so it belongs to neither side. */
  ArchRule sandboxWireKnowsNoSide() {
    return noClasses()
        .that()
        .resideInAPackage(sandbox() + ".wire..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(sandbox() + ".host..", sandbox() + ".pool..", sandbox() + ".worker..")
        .as("the sandbox wire protocol depends on neither host, pool nor worker");
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
        springDataOnlyInPersistence(),
        mcpOnlyInItsAdapter(),
        onlyUseCasesArePublicInServicePackages(),
        areasMeetThroughInPortsAndModels(),
        noFireAndForgetInTheDomain(),
        sandboxWorkerWithoutSpring(),
        sandboxWorkerKnowsNeitherPoolNorHost(),
        sandboxWireKnowsNoSide());
  }

  /** The FMU sandbox of adapters-fmi (ADR 0003): host, pool, wire and worker. */
  private String sandbox() {
    return base + ".adapter.out.fmi.sandbox";
  }

  private ArchCondition<JavaClass> implementAnInPort() {
    return new ArchCondition<>("implement an in-port") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean useCase =
            type.getAllRawInterfaces().stream()
                .anyMatch(i -> i.getPackageName().contains(".port.in"));
        if (!useCase) {
          events.add(
              SimpleConditionEvent.violated(
                  type, type.getName() + " is public but implements no in-port"));
        }
      }
    };
  }

  private ArchCondition<JavaClass> reachOtherAreasOnlyThroughInPortsAndModels() {
    String domain = base + ".domain.";
    return new ArchCondition<>("reach other areas only through in-ports and model types") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        String area = area(domain, type.getPackageName());
        for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          String other = area(domain, target);
          if (other == null || other.equals(area) || other.equals("shared")) {
            continue;
          }
          String inside = target.substring((domain + other).length());
          if (!inside.startsWith(".model") && !inside.startsWith(".port.in")) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The business area of a domain package ({@code domain.billing.service} → billing), or null. */
  private static String area(String domain, String pkg) {
    if (!pkg.startsWith(domain)) {
      return null;
    }
    String rest = pkg.substring(domain.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static DescribedPredicate<JavaCall<?>> subscribeCall() {
    return DescribedPredicate.describe(
        "a subscribe() on a Publisher",
        call ->
            call.getName().equals("subscribe")
                && call.getTargetOwner().isAssignableTo("org.reactivestreams.Publisher"));
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
