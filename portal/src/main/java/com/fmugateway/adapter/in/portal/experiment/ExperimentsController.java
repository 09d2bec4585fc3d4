package com.fmugateway.adapter.in.portal.experiment;

import com.fmugateway.adapter.in.portal.model.LibraryEntryView;
import com.fmugateway.adapter.in.portal.run.RunCommands;
import com.fmugateway.adapter.in.portal.security.PortalUser;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.experiment.model.ExperimentOutcome;
import com.fmugateway.domain.experiment.port.in.CancelExperimentUseCase;
import com.fmugateway.domain.experiment.port.in.GetExperimentQuery;
import com.fmugateway.domain.experiment.port.in.ListCasesQuery;
import com.fmugateway.domain.experiment.port.in.ListExperimentsQuery;
import com.fmugateway.domain.experiment.port.in.StartExperimentCommand;
import com.fmugateway.domain.experiment.port.in.StartExperimentUseCase;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.fmu.port.in.ListLibraryQuery;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.model.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Mono;

/**
 * Parameter sweeps from the portal: the customer's experiments, a form that quotes a sweep before
 * starting it, and each experiment's page (progress polled as JSON, its cases as a table, a plot
 * and CSV, and a cancel button). Another account's experiment is not found.
 */
@Controller
class ExperimentsController {

  /** Cases the page shows and plots; the CSV has them all. */
  static final int SHOWN_CASES = 1000;

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final GetFmuQuery fmus;
  private final ListLibraryQuery library;
  private final StartExperimentUseCase start;
  private final ListExperimentsQuery experiments;
  private final GetExperimentQuery experiment;
  private final ListCasesQuery cases;
  private final CancelExperimentUseCase cancel;

  ExperimentsController(
      GetFmuQuery fmus,
      ListLibraryQuery library,
      StartExperimentUseCase start,
      ListExperimentsQuery experiments,
      GetExperimentQuery experiment,
      ListCasesQuery cases,
      CancelExperimentUseCase cancel) {
    this.fmus = fmus;
    this.library = library;
    this.start = start;
    this.experiments = experiments;
    this.experiment = experiment;
    this.cases = cases;
    this.cancel = cancel;
  }

  @GetMapping("/portal/experiments")
  Mono<String> list(@AuthenticationPrincipal PortalUser user, Model page) {
    return experiments
        .experiments(user.accountId(), new PageRequest(1, PageRequest.MAX_SIZE))
        .map(
            found -> {
              page.addAttribute(
                  "experiments", found.items().stream().map(ExperimentSummaryView::of).toList());
              page.addAttribute("more", found.hasNext());
              return "experiment/list";
            });
  }

  @GetMapping("/portal/experiments/new")
  Mono<String> form(
      @RequestParam(required = false) String model,
      @RequestParam(required = false) String stopTime,
      @RequestParam(required = false) String step,
      Model page) {
    return formPage(ExperimentForm.defaults(model, stopTime, step), page);
  }

  @PostMapping("/portal/experiments")
  Mono<String> start(
      @AuthenticationPrincipal PortalUser user, @ModelAttribute ExperimentForm form, Model page) {
    PaymentChoice payment =
        new PaymentChoice(Optional.empty(), form.quoteOnly(), CheckoutOptions.DEFAULT);
    return fmus.fmu(user.accountId(), new FmuId(blank(form.fmuId())))
        .map(
            fmu ->
                new StartExperimentCommand(
                    RunCommands.from(form.base(), user, fmu.description(), payment),
                    SweepText.read(form),
                    Optional.empty()))
        .flatMap(start::start)
        .flatMap(outcome -> answer(outcome, form, page))
        .onErrorResume(
            InvalidInputException.class, e -> failed(form, page, e.field(), e.getMessage()))
        .onErrorResume(
            LimitReachedException.class, e -> failed(form, page, "limit", e.getMessage()))
        .onErrorResume(
            ProviderUnavailableException.class,
            e ->
                failed(
                    form,
                    page,
                    "credits",
                    "Your credits do not cover this experiment and the payment provider cannot be"
                        + " reached right now; nothing was held. Try again shortly."))
        .onErrorResume(NotFoundException.class, e -> failed(form, page, "fmuId", e.getMessage()));
  }

  private Mono<String> answer(ExperimentOutcome outcome, ExperimentForm form, Model page) {
    if (outcome instanceof ExperimentOutcome.Accepted accepted) {
      return Mono.just("redirect:/portal/experiments/" + accepted.experiment().experiment().id());
    }
    if (outcome instanceof ExperimentOutcome.Quoted quoted) {
      page.addAttribute("quote", quoted);
      return formPage(form, page);
    }
    var demand = ((ExperimentOutcome.PaymentRequired) outcome).demand();
    return failed(
        form,
        page,
        "credits",
        "This experiment is quoted at "
            + demand.quote()
            + " credits and your balance is "
            + demand.balance()
            + "; buy credits to start it. Nothing was held.");
  }

  @GetMapping("/portal/experiments/{id}")
  Mono<String> detail(
      @AuthenticationPrincipal PortalUser user, @PathVariable String id, Model page) {
    return experiment
        .experiment(user.accountId(), uuid(id))
        .map(
            found -> {
              page.addAttribute("experiment", ExperimentSummaryView.of(found));
              page.addAttribute("shown", SHOWN_CASES);
              return "experiment/detail";
            });
  }

  @GetMapping(value = "/portal/experiments/{id}/progress", produces = "application/json")
  @ResponseBody
  Mono<ResponseEntity<ExperimentSummaryView>> progress(
      @AuthenticationPrincipal PortalUser user, @PathVariable String id) {
    return json(
        Mono.defer(() -> experiment.experiment(user.accountId(), uuid(id)))
            .map(ExperimentSummaryView::of));
  }

  @GetMapping(value = "/portal/experiments/{id}/cases", produces = "application/json")
  @ResponseBody
  Mono<ResponseEntity<CaseTableView>> cases(
      @AuthenticationPrincipal PortalUser user, @PathVariable String id) {
    return json(
        Mono.defer(() -> cases.cases(user.accountId(), uuid(id), 0, SHOWN_CASES))
            .map(CaseTableView::of));
  }

  /** A page's script asks for JSON: an unknown experiment is a bare 404, not an HTML page. */
  private static <T> Mono<ResponseEntity<T>> json(Mono<T> body) {
    return body.map(ResponseEntity::ok)
        .onErrorResume(NotFoundException.class, e -> Mono.just(ResponseEntity.notFound().build()));
  }

  @GetMapping("/portal/experiments/{id}/cases.csv")
  Mono<ResponseEntity<String>> csv(
      @AuthenticationPrincipal PortalUser user, @PathVariable String id) {
    UUID experimentId = uuid(id);
    return cases
        .cases(user.accountId(), experimentId, 0, ListCasesQuery.MAX_LIMIT)
        .map(
            slice ->
                ResponseEntity.ok()
                    .contentType(CSV)
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename("experiment-" + experimentId + ".csv")
                            .build()
                            .toString())
                    .body(ExperimentCsv.of(CaseTableView.of(slice))));
  }

  @PostMapping("/portal/experiments/{id}/cancel")
  Mono<String> cancel(@AuthenticationPrincipal PortalUser user, @PathVariable String id) {
    UUID experimentId = uuid(id);
    return cancel
        .cancel(user.accountId(), experimentId)
        .thenReturn("redirect:/portal/experiments/" + experimentId);
  }

  private Mono<String> failed(ExperimentForm form, Model page, String field, String message) {
    page.addAttribute("errorField", field);
    page.addAttribute("error", message);
    return formPage(form, page);
  }

  private Mono<String> formPage(ExperimentForm form, Model page) {
    page.addAttribute("form", form);
    return library
        .library("")
        .map(model -> LibraryEntryView.of(model).id())
        .collectList()
        .map(
            models -> {
              page.addAttribute("library", models);
              return "experiment/new";
            });
  }

  /** An id that is not a UUID names no experiment of anyone's. */
  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no experiment " + id);
    }
  }

  private static String blank(String text) {
    return text == null ? "" : text.strip();
  }
}
