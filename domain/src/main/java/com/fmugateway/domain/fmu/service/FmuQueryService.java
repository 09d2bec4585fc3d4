package com.fmugateway.domain.fmu.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuListing;
import com.fmugateway.domain.fmu.model.FmuRecord;
import com.fmugateway.domain.fmu.model.InspectedFmu;
import com.fmugateway.domain.fmu.model.InspectionCache;
import com.fmugateway.domain.fmu.model.LibraryModel;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import com.fmugateway.domain.fmu.model.VariablePage;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.fmu.port.in.ListFmusQuery;
import com.fmugateway.domain.fmu.port.in.ListLibraryQuery;
import com.fmugateway.domain.fmu.port.in.ListVariablesQuery;
import com.fmugateway.domain.fmu.port.out.FmuCatalog;
import com.fmugateway.domain.fmu.port.out.FmuInspector;
import com.fmugateway.domain.fmu.port.out.FmuStore;
import com.fmugateway.domain.fmu.port.out.ModelLibrary;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.model.Page;
import com.fmugateway.domain.shared.model.PageRequest;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Finds FMUs for a caller: the shared library, or the caller's own uploads and nobody else's. */
public final class FmuQueryService
    implements GetFmuQuery, ListLibraryQuery, ListFmusQuery, ListVariablesQuery {

  private final ModelLibrary library;
  private final FmuCatalog catalog;
  private final FmuStore store;
  private final FmuInspector inspector;
  private final InspectionCache inspections;

  /**
   * @param inspections what uploads' archives were found to hold, shared with the uploads
   */
  public FmuQueryService(
      ModelLibrary library,
      FmuCatalog catalog,
      FmuStore store,
      FmuInspector inspector,
      InspectionCache inspections) {
    this.library = Objects.requireNonNull(library, "library");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.store = Objects.requireNonNull(store, "store");
    this.inspector = Objects.requireNonNull(inspector, "inspector");
    this.inspections = Objects.requireNonNull(inspections, "inspections");
  }

  @Override
  public Mono<ResolvedFmu> fmu(AccountId caller, FmuId id) {
    Mono<ResolvedFmu> found =
        id.isLibrary()
            ? library.models().filter(m -> m.artifact().id().equals(id)).next().map(ResolvedFmu::of)
            : catalog.find(caller, id).flatMap(this::resolveUpload);
    return found.switchIfEmpty(Mono.error(() -> new NotFoundException("no FMU with id " + id)));
  }

  @Override
  public Mono<VariablePage> variables(AccountId caller, FmuId id, int offset, int limit) {
    return Mono.fromRunnable(() -> VariablePage.check(offset, limit))
        .then(fmu(caller, id))
        .map(fmu -> VariablePage.of(fmu.description().variables(), offset, limit));
  }

  @Override
  public Flux<LibraryModel> library(String query) {
    String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    return library.models().filter(model -> matches(model, needle));
  }

  /**
   * The uploads fill the pages first, from the catalog a page at a time; the library models follow
   * them, so a page may hold the last uploads and the first library models.
   */
  @Override
  public Mono<Page<FmuListing>> fmus(AccountId caller, PageRequest page, boolean withLibrary) {
    Mono<List<FmuListing>> builtIn =
        withLibrary
            ? library
                .models()
                .map(FmuListing::of)
                .sort(Comparator.comparing(FmuListing::modelName))
                .collectList()
            : Mono.just(List.of());
    return Mono.zip(catalog.count(caller), builtIn)
        .flatMap(
            counts -> {
              long uploads = counts.getT1();
              List<FmuListing> models = counts.getT2();
              long offset = page.offset();
              int fromUploads = (int) Math.max(0, Math.min(page.size(), uploads - offset));
              Mono<List<FmuListing>> own =
                  fromUploads == 0
                      ? Mono.just(List.of())
                      : catalog.list(caller, offset, fromUploads).map(FmuListing::of).collectList();
              int libraryFrom = (int) Math.min(models.size(), Math.max(0, offset - uploads));
              int libraryTo = Math.min(models.size(), libraryFrom + page.size() - fromUploads);
              return own.map(
                  items ->
                      new Page<>(
                          concat(items, models.subList(libraryFrom, libraryTo)),
                          page,
                          uploads + models.size()));
            });
  }

  private static List<FmuListing> concat(List<FmuListing> first, List<FmuListing> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  private Mono<ResolvedFmu> resolveUpload(FmuRecord record) {
    return store
        .locate(record.sha256())
        .flatMap(
            path ->
                inspected(record, path)
                    .map(inspected -> ResolvedFmu.ofUpload(record, path, inspected)));
  }

  /**
   * From the cache when it has the archive, answered in place (ADR 0015, third addendum); an
   * inspection answers on its own scheduler.
   */
  private Mono<InspectedFmu> inspected(FmuRecord record, Path path) {
    return inspections
        .get(record.sha256())
        .map(Mono::just)
        .orElseGet(
            () ->
                inspector
                    .inspect(path)
                    .doOnNext(inspected -> inspections.put(record.sha256(), inspected)));
  }

  private static boolean matches(LibraryModel model, String needle) {
    if (needle.isEmpty()) {
      return true;
    }
    var description = model.inspected().description();
    return description.modelName().toLowerCase(Locale.ROOT).contains(needle)
        || model.artifact().id().value().toLowerCase(Locale.ROOT).contains(needle)
        || description.description().orElse("").toLowerCase(Locale.ROOT).contains(needle);
  }
}
