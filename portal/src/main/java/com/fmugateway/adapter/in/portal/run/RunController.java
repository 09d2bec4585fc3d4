package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.adapter.in.portal.model.LibraryEntryView;
import com.fmugateway.adapter.in.portal.model.UploadView;
import com.fmugateway.adapter.in.portal.security.PortalUser;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.fmu.port.in.ListFmusQuery;
import com.fmugateway.domain.fmu.port.in.ListLibraryQuery;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.model.PageRequest;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.port.in.GetRunsQuery;
import com.fmugateway.domain.simulation.port.in.SimulateUseCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Run a model from a form (the library and the customer's uploads suggested by name); see its
 * outputs plotted, its KPIs, final values, clock events and a CSV download; run a past run again
 * with every setting it had. A scheduled execution model gets a tick field per triggered input
 * clock ({@code ticks.<clock>}); an array variable's start value is a JSON array.
 */
@Controller
class RunController {

  private static final int HISTORY = 50;

  private final ListLibraryQuery library;
  private final GetFmuQuery fmus;
  private final SimulateUseCase simulate;
  private final GetRunsQuery runs;
  private final ListFmusQuery uploads;

  RunController(
      ListLibraryQuery library,
      GetFmuQuery fmus,
      SimulateUseCase simulate,
      GetRunsQuery runs,
      ListFmusQuery uploads) {
    this.library = library;
    this.fmus = fmus;
    this.simulate = simulate;
    this.runs = runs;
    this.uploads = uploads;
  }

  @GetMapping("/portal/run")
  Mono<String> form(
      @AuthenticationPrincipal PortalUser user,
      @RequestParam(required = false) String model,
      @RequestParam(required = false) String again,
      Model page) {
    if (again == null) {
      return formPage(user, RunForm.defaults(model), page);
    }
    UUID id;
    try {
      id = UUID.fromString(again);
    } catch (IllegalArgumentException e) {
      return failed(user, RunForm.defaults(model), page, "again", unknownRun());
    }
    return runs.run(user.accountId(), id)
        .flatMap(run -> formPage(user, RunForm.again(run), page))
        .onErrorResume(
            NotFoundException.class,
            e -> failed(user, RunForm.defaults(model), page, "again", unknownRun()));
  }

  private static String unknownRun() {
    return "That run is not in your history; the form shows the defaults.";
  }

  @PostMapping("/portal/run")
  Mono<String> run(
      @AuthenticationPrincipal PortalUser user,
      @ModelAttribute RunForm typed,
      Model page,
      ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .flatMap(data -> run(user, typed.withClockTicks(ticks(data)), page));
  }

  /** The {@code ticks.<clock>} fields of the form, by clock. */
  private static Map<String, String> ticks(MultiValueMap<String, String> data) {
    Map<String, String> ticks = new LinkedHashMap<>();
    data.forEach(
        (name, values) -> {
          if (name.startsWith(RunForm.TICKS_FIELD) && !values.isEmpty()) {
            ticks.put(name.substring(RunForm.TICKS_FIELD.length()), values.get(0));
          }
        });
    return ticks;
  }

  private Mono<String> run(PortalUser user, RunForm form, Model page) {
    return fmus.fmu(user.accountId(), new FmuId(form.fmuId()))
        .flatMap(
            fmu ->
                Mono.fromCallable(() -> RunCommands.from(form, user, fmu.description()))
                    .flatMap(simulate::simulate))
        .flatMap(
            outcome -> {
              if (outcome instanceof SimulationOutcome.PaymentRequired required) {
                return failed(user, form, page, "credits", required.demand().message());
              }
              SimulationReport report = ((SimulationOutcome.Completed) outcome).report();
              page.addAttribute("result", RunResultView.of(report));
              return formPage(user, form, page);
            })
        .onErrorResume(
            InvalidInputException.class, e -> failed(user, form, page, e.field(), e.getMessage()))
        .onErrorResume(
            SimulationFailedException.class, e -> failed(user, form, page, "run", e.getMessage()))
        .onErrorResume(
            LimitReachedException.class, e -> failed(user, form, page, "run", e.getMessage()))
        .onErrorResume(
            ProviderUnavailableException.class,
            e ->
                failed(
                    user,
                    form,
                    page,
                    "credits",
                    "Your credits do not cover this run and the payment provider cannot be"
                        + " reached right now; nothing was charged. Try again shortly."))
        .onErrorResume(
            NotFoundException.class, e -> failed(user, form, page, "fmuId", e.getMessage()));
  }

  @GetMapping("/portal/runs")
  Mono<String> history(@AuthenticationPrincipal PortalUser user, Model page) {
    return runs.recent(user.accountId(), HISTORY)
        .collectList()
        .map(
            list -> {
              page.addAttribute("runs", list.stream().map(RunView::of).toList());
              return "run/history";
            });
  }

  private Mono<String> failed(
      PortalUser user, RunForm form, Model page, String field, String message) {
    page.addAttribute("errorField", field);
    page.addAttribute("error", message);
    return formPage(user, form, page);
  }

  /**
   * The form, its suggestions (uploads, newest first, then the library), the model's name and what
   * the model asks beyond the usual fields (clock ticks, array shapes).
   */
  private Mono<String> formPage(PortalUser user, RunForm form, Model page) {
    page.addAttribute("form", form);
    return Mono.zip(
            library.library("").collectList(),
            uploads.fmus(user.accountId(), new PageRequest(1, PageRequest.MAX_SIZE), false),
            modelView(user, form.fmuId()))
        .map(
            found -> {
              page.addAttribute("chosen", found.getT3());
              List<LibraryEntryView> models =
                  found.getT1().stream().map(LibraryEntryView::of).toList();
              List<UploadView> mine = found.getT2().items().stream().map(UploadView::of).toList();
              page.addAttribute("library", models);
              page.addAttribute("uploads", mine);
              page.addAttribute("modelName", modelName(form.fmuId(), mine));
              return "run/run";
            });
  }

  /** The chosen model's clocks and arrays; none when no model (or no model of the caller's) is. */
  private Mono<RunModelView> modelView(PortalUser user, String fmuId) {
    if (fmuId == null || fmuId.isBlank() || !FmuId.isWellFormed(fmuId.strip())) {
      return Mono.just(RunModelView.NONE);
    }
    return fmus.fmu(user.accountId(), new FmuId(fmuId.strip()))
        .map(fmu -> RunModelView.of(fmu.description()))
        // Only hints: the form is shown without them rather than not at all.
        .onErrorResume(e -> Mono.just(RunModelView.NONE))
        .defaultIfEmpty(RunModelView.NONE);
  }

  /** The name of the chosen model when it is one of the suggestions; null otherwise. */
  private static String modelName(String fmuId, List<UploadView> uploads) {
    if (fmuId == null || fmuId.isBlank()) {
      return null;
    }
    FmuId id = new FmuId(fmuId.strip());
    if (id.isLibrary()) {
      return id.libraryName();
    }
    return uploads.stream()
        .filter(u -> u.id().equals(id.value()))
        .map(UploadView::name)
        .findFirst()
        .orElse(null);
  }
}
