package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fmu.model.ArrayDimension;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ContinuousStates;
import com.fmugateway.domain.fmu.model.DefaultExperiment;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.fmu.model.VariableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Assembling ∂ẋ/∂x from directional derivatives, and when a description allows it. */
class DirectionalJacobianTest {

  private static final double[][] A = {{1, 2, 3}, {4, 5, 6}, {7, 8, 10}};

  @Test
  void unitSeeds_giveTheMatrixColumnByColumn() {
    DirectionalJacobian jacobian = DirectionalJacobian.of(scalars(true), 3).orElseThrow();
    List<double[]> seeds = new ArrayList<>();
    double[][] into = new double[3][3];

    jacobian.assemble(
        (seed, sensitivity) -> {
          seeds.add(seed.clone());
          for (int i = 0; i < 3; i++) {
            sensitivity[i] = 0;
            for (int j = 0; j < 3; j++) {
              sensitivity[i] += A[i][j] * seed[j];
            }
          }
        },
        into);

    assertThat(into).isDeepEqualTo(A);
    assertThat(seeds)
        .containsExactly(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1});
  }

  @Test
  void theKnownsAreTheStatesAndTheUnknownsTheirDerivatives_inModelStructureOrder() {
    DirectionalJacobian jacobian = DirectionalJacobian.of(scalars(true), 3).orElseThrow();

    assertThat(jacobian.states()).containsExactly(4, 0, 2);
    assertThat(jacobian.derivatives()).containsExactly(5, 1, 3);
  }

  @Test
  void givenNoDirectionalDerivatives_thereIsNone() {
    assertThat(DirectionalJacobian.of(scalars(false), 3)).isEmpty();
  }

  @Test
  void givenStatesThatDoNotAddUpToTheFmusCount_thereIsNone() {
    assertThat(DirectionalJacobian.of(scalars(true), 4)).isEmpty();
    assertThat(DirectionalJacobian.of(scalars(true), 0)).isEmpty();
  }

  @Test
  void anArrayStateCountsItsElements() {
    List<ModelVariable> variables =
        List.of(
            variable("x", 1, VariableType.FLOAT64, OptionalInt.empty(), 3),
            variable("der(x)", 2, VariableType.FLOAT64, OptionalInt.of(1), 3));
    ModelDescription description =
        description(variables, new ContinuousStates(List.of(1L), List.of(2L), true));

    assertThat(DirectionalJacobian.of(description, 3)).isPresent();
    assertThat(DirectionalJacobian.of(description, 1)).isEmpty();
  }

  /** Three Real states whose model structure lists them y3, y1, y2. */
  private static ModelDescription scalars(boolean directional) {
    List<ModelVariable> variables = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      variables.add(variable("y" + k, 2 * k, VariableType.REAL, OptionalInt.empty(), 1));
      variables.add(
          variable("der(y" + k + ")", 2 * k + 1, VariableType.REAL, OptionalInt.of(2 * k + 1), 1));
    }
    return description(
        variables, new ContinuousStates(List.of(4L, 0L, 2L), List.of(5L, 1L, 3L), directional));
  }

  private static ModelVariable variable(
      String name, long reference, VariableType type, OptionalInt derivativeOf, int size) {
    return new ModelVariable(
        name,
        reference,
        type,
        Causality.LOCAL,
        Variability.CONTINUOUS,
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        Optional.empty(),
        derivativeOf,
        size == 1 ? List.of() : List.of(ArrayDimension.fixed(size)),
        List.of(),
        Optional.empty());
  }

  private static ModelDescription description(
      List<ModelVariable> variables, ContinuousStates states) {
    return new ModelDescription(
        "2.0",
        "M",
        "{guid}",
        Optional.empty(),
        Optional.empty(),
        Map.of(FmuInterface.MODEL_EXCHANGE, "M"),
        0,
        variables,
        DefaultExperiment.none(),
        states);
  }
}
