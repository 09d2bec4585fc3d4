package com.fmugateway.domain.fmu.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import com.fmugateway.domain.fixtures.InMemoryModelLibrary;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariablePage;
import com.fmugateway.domain.shared.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class FmuQueryServiceTest {

  private final InMemoryGateway gateway = new InMemoryGateway();
  private final AccountId caller = AccountId.random();

  @Test
  void variables_givesThePageAskedFor_inTheDescriptionsOrder() {
    int total = Models.allTypes().variables().size();

    VariablePage page =
        gateway.fmus.variables(caller, InMemoryModelLibrary.ALL_TYPES, 2, 3).block();

    assertThat(page.variables())
        .extracting(ModelVariable::name)
        .containsExactlyElementsOf(
            Models.allTypes().variables().subList(2, 5).stream().map(ModelVariable::name).toList());
    assertThat(page.total()).isEqualTo(total);
    assertThat(page.hasNext()).isEqualTo(total > 5);
  }

  @Test
  void aBadLimit_isRefusedBeforeTheModelIsLookedUp() {
    StepVerifier.create(gateway.fmus.variables(caller, new FmuId("no-such-fmu"), 0, 0))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("limit")))
        .verify();
  }
}
