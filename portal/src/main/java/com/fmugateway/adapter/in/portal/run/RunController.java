package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.adapter.in.portal.model.LibraryEntryView;
import com.fmugateway.adapter.in.portal.security.PortalUser;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.fmu.port.in.ListLibraryQuery;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.port.in.GetRunsQuery;
import com.fmugateway.domain.simulation.port.in.SimulateUseCase;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** Run a model from a form; see its outputs plotted, its KPIs and a CSV download. */
@Controller
class RunController {

  private static final int HISTORY = 50;

  private final ListLibraryQuery library;
  private final GetFmuQuery fmus;
  private final SimulateUseCase simulate;
  private final GetRunsQuery runs;

  RunController(
      ListLibraryQuery library, GetFmuQuery fmus, SimulateUseCase simulate, GetRunsQuery runs) {
    this.library = library;
    this.fmus = fmus;
    this.simulate = simulate;
    this.runs = runs;
  }

  @GetMapping("/portal/run")
  Mono<String> form(@RequestParam(required = false) String model, Model page) {
    return formPage(RunForm.defaults(model), page);
  }

  @PostMapping("/portal/run")
  Mono<String> run(
      @AuthenticationPrincipal PortalUser user, @ModelAttribute RunForm form, Model page) {
    return fmus.fmu(user.accountId(), new FmuId(form.fmuId()))
        .flatMap(
            fmu ->
                Mono.fromCallable(() -> RunCommands.from(form, user, fmu.description()))
                    .flatMap(simulate::simulate))
        .flatMap(
            outcome -> {
              if (outcome instanceof SimulationOutcome.PaymentRequired required) {
                return failed(form, page, "credits", required.demand().message());
              }
              SimulationReport report = ((SimulationOutcome.Completed) outcome).report();
              page.addAttribute("result", RunResultView.of(report));
              return formPage(form, page);
            })
        .onErrorResume(
            InvalidInputException.class, e -> failed(form, page, e.field(), e.getMessage()))
        .onErrorResume(
            SimulationFailedException.class, e -> failed(form, page, "run", e.getMessage()))
        .onErrorResume(LimitReachedException.class, e -> failed(form, page, "run", e.getMessage()))
        .onErrorResume(
            ProviderUnavailableException.class,
            e ->
                failed(
                    form,
                    page,
                    "credits",
                    "Your credits do not cover this run and the payment provider cannot be"
                        + " reached right now; nothing was charged. Try again shortly."))
        .onErrorResume(NotFoundException.class, e -> failed(form, page, "fmuId", e.getMessage()));
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

  private Mono<String> failed(RunForm form, Model page, String field, String message) {
    page.addAttribute("errorField", field);
    page.addAttribute("error", message);
    return formPage(form, page);
  }

  private Mono<String> formPage(RunForm form, Model page) {
    page.addAttribute("form", form);
    return library
        .library("")
        .collectList()
        .map(
            models -> {
              page.addAttribute("library", models.stream().map(LibraryEntryView::of).toList());
              return "run/run";
            });
  }
}
