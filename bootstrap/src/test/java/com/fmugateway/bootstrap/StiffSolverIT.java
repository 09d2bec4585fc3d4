package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The stiff solver through the API, in the sandboxed workers: Robertson's kinetics (FMI 2.0 and
 * 3.0) take their Jacobians from the FMU's directional derivatives and still match the reference
 * (Hairer and Wanner, Solving ODEs II, at t = 40); a model without them is differenced. The run's
 * provenance says which, and how much work the solver did.
 */
class StiffSolverIT extends AbstractGatewayIT {

  private static final String ROBERTSON =
      """
      {"fmu_id":"%s","stop_time":40.0,"step":0.4,"interface":"me","solver":"rosenbrock",
       "rtol":1e-6,"atol":1e-10,"outputs":["y1","y2"],"kpis":["y1_final","y2_final"]}
      """;

  @Test
  void robertson_fmi2_rosenbrockUsesDirectionalDerivativesAndMatchesTheReference() {
    Map<?, ?> run = SimulateApiIT.simulate(newCustomer(), ROBERTSON.formatted("lib:Robertson"));

    assertDirectionalAndAccurate(run);
  }

  @Test
  void robertson3_fmi3_rosenbrockUsesDirectionalDerivativesAndMatchesTheReference()
      throws IOException {
    WebTestClient customer = newCustomer();
    Object id = FmuApiIT.upload(customer, library3("Robertson3"), 201).get("id");

    Map<?, ?> run = SimulateApiIT.simulate(customer, ROBERTSON.formatted(id));

    assertThat(provenance(run).get("fmi_version")).isEqualTo("3.0");
    assertDirectionalAndAccurate(run);
  }

  @Test
  void aModelWithoutDirectionalDerivatives_rosenbrockUsesFiniteDifferences() {
    Map<?, ?> run =
        SimulateApiIT.simulate(
            newCustomer(),
            """
            {"fmu_id":"lib:VanDerPol","stop_time":2.0,"step":0.1,"interface":"me",
             "solver":"rosenbrock","rtol":1e-6}
            """);

    Map<?, ?> provenance = provenance(run);
    assertThat(provenance.get("jacobian")).isEqualTo("finite_differences");
    assertThat(number(provenance, "jacobian_evaluations")).isPositive();
  }

  @Test
  void anExplicitRun_reportsDerivativeEvaluationsAndNoJacobian() {
    Map<?, ?> run =
        SimulateApiIT.simulate(
            newCustomer(),
            """
            {"fmu_id":"lib:VanDerPol","stop_time":2.0,"step":0.1,"interface":"me",
             "solver":"dormand_prince"}
            """);

    Map<?, ?> provenance = provenance(run);
    assertThat(number(provenance, "derivative_evaluations"))
        .isGreaterThanOrEqualTo(6 * number(provenance, "steps"));
    assertThat(provenance.containsKey("jacobian")).isFalse();
    assertThat(provenance.containsKey("jacobian_evaluations")).isFalse();
  }

  private static void assertDirectionalAndAccurate(Map<?, ?> run) {
    Map<?, ?> provenance = provenance(run);
    assertThat(provenance.get("solver")).isEqualTo("rosenbrock");
    assertThat(provenance.get("jacobian")).isEqualTo("directional_derivatives");
    assertThat(number(provenance, "jacobian_evaluations"))
        .isGreaterThanOrEqualTo(number(provenance, "steps"));
    assertThat(number(provenance, "derivative_evaluations")).isPositive();
    Map<?, ?> kpis = (Map<?, ?>) run.get("kpis");
    assertThat(((Number) kpis.get("y1_final")).doubleValue()).isCloseTo(0.7158271, within(2e-6));
    assertThat(((Number) kpis.get("y2_final")).doubleValue()).isCloseTo(9.185535e-6, within(2e-10));
  }

  private static Map<?, ?> provenance(Map<?, ?> run) {
    return (Map<?, ?>) run.get("provenance");
  }

  private static long number(Map<?, ?> map, String key) {
    return ((Number) map.get(key)).longValue();
  }

  private static byte[] library3(String name) throws IOException {
    try (InputStream in =
        StiffSolverIT.class.getResourceAsStream("/fmi/library3/" + name + ".fmu")) {
      return in.readAllBytes();
    }
  }
}
