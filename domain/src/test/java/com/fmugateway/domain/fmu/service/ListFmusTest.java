package com.fmugateway.domain.fmu.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.FakeInspector;
import com.fmugateway.domain.fixtures.InMemoryFmuCatalog;
import com.fmugateway.domain.fixtures.InMemoryFmuStore;
import com.fmugateway.domain.fixtures.InMemoryModelLibrary;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.FmuListing;
import com.fmugateway.domain.fmu.model.FmuRecord;
import com.fmugateway.domain.fmu.model.InspectionCache;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.Page;
import com.fmugateway.domain.shared.model.PageRequest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListFmusTest {

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  private final InMemoryFmuCatalog catalog = new InMemoryFmuCatalog();
  private final FmuQueryService service =
      new FmuQueryService(
          new InMemoryModelLibrary(),
          catalog,
          new InMemoryFmuStore(),
          new FakeInspector(Models.allTypes()),
          new InspectionCache(16, 1L << 30));
  private final AccountId me = AccountId.random();

  @Test
  void givenUploads_fmus_listsThemNewestFirstWithTheirNamesThenTheLibraryMarkedBuiltIn() {
    FmuRecord older = upload(me, "Older", 0);
    FmuRecord newer = upload(me, "Newer", 1);

    Page<FmuListing> page = service.fmus(me, PageRequest.first(), true).block();

    assertThat(page.items())
        .extracting(FmuListing::modelName)
        .containsExactly("Newer", "Older", "AllTypes");
    assertThat(page.items()).extracting(FmuListing::builtIn).containsExactly(false, false, true);
    FmuListing first = page.items().get(0);
    assertThat(first.id()).isEqualTo(newer.id());
    assertThat(first.interfaces()).containsExactly(FmuInterface.CO_SIMULATION);
    assertThat(first.sizeBytes()).hasValue(1001);
    assertThat(first.uploadedAt()).contains(T0.plusSeconds(1));
    assertThat(page.items().get(2).id()).isEqualTo(InMemoryModelLibrary.ALL_TYPES);
    assertThat(page.items().get(2).uploadedAt()).isEmpty();
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.hasNext()).isFalse();
    assertThat(older.id()).isEqualTo(page.items().get(1).id());
  }

  @Test
  void anotherAccountsUploads_areNeverListed() {
    upload(me, "Mine", 0);
    upload(AccountId.random(), "Theirs", 1);

    Page<FmuListing> page = service.fmus(me, PageRequest.first(), false).block();

    assertThat(page.items()).extracting(FmuListing::modelName).containsExactly("Mine");
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void pages_walkTheUploadsAndThenTheLibraryWithoutGapsOrRepeats() {
    for (int i = 0; i < 5; i++) {
      upload(me, "M" + i, i);
    }

    Page<FmuListing> first = service.fmus(me, new PageRequest(1, 2), true).block();
    Page<FmuListing> second = service.fmus(me, new PageRequest(2, 2), true).block();
    Page<FmuListing> third = service.fmus(me, new PageRequest(3, 2), true).block();
    Page<FmuListing> beyond = service.fmus(me, new PageRequest(4, 2), true).block();

    assertThat(first.items()).extracting(FmuListing::modelName).containsExactly("M4", "M3");
    assertThat(second.items()).extracting(FmuListing::modelName).containsExactly("M2", "M1");
    assertThat(third.items()).extracting(FmuListing::modelName).containsExactly("M0", "AllTypes");
    assertThat(beyond.items()).isEmpty();
    assertThat(first.total()).isEqualTo(6);
    assertThat(first.hasNext()).isTrue();
    assertThat(third.hasNext()).isFalse();
  }

  @Test
  void aPageSizeOutOfBounds_isRefusedNamingTheField() {
    assertThatThrownBy(() -> new PageRequest(1, 101))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("size");
    assertThatThrownBy(() -> new PageRequest(0, 20))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("page");
  }

  private FmuRecord upload(AccountId owner, String name, int second) {
    return catalog
        .register(
            new FmuRecord(
                FmuId.newUpload(),
                owner,
                new Sha256(Integer.toHexString(second).repeat(64).substring(0, 64)),
                name,
                "2.0",
                Set.of(FmuInterface.CO_SIMULATION),
                1000 + second,
                T0.plusSeconds(second)))
        .block();
  }
}
