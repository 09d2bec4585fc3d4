package com.fmugateway.adapter.in.portal.account;

import com.fmugateway.adapter.in.portal.run.RunView;
import com.fmugateway.adapter.in.portal.security.PortalUser;
import com.fmugateway.domain.account.model.ApiKeyId;
import com.fmugateway.domain.account.port.in.IssueApiKeyCommand;
import com.fmugateway.domain.account.port.in.IssueApiKeyUseCase;
import com.fmugateway.domain.account.port.in.ListApiKeysQuery;
import com.fmugateway.domain.account.port.in.RevokeApiKeyUseCase;
import com.fmugateway.domain.billing.port.in.GetAccountQuery;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.simulation.port.in.GetRunsQuery;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import reactor.core.publisher.Mono;

/** The customer's dashboard and API keys. */
@Controller
class DashboardController {

  private static final int RECENT_RUNS = 20;

  private final GetAccountQuery accounts;
  private final GetRunsQuery runs;
  private final ListApiKeysQuery keys;
  private final IssueApiKeyUseCase issue;
  private final RevokeApiKeyUseCase revoke;

  DashboardController(
      GetAccountQuery accounts,
      GetRunsQuery runs,
      ListApiKeysQuery keys,
      IssueApiKeyUseCase issue,
      RevokeApiKeyUseCase revoke) {
    this.accounts = accounts;
    this.runs = runs;
    this.keys = keys;
    this.issue = issue;
    this.revoke = revoke;
  }

  @GetMapping("/portal")
  Mono<String> dashboard(@AuthenticationPrincipal PortalUser user, Model model) {
    return Mono.zip(
            accounts.account(user.accountId()),
            runs.recent(user.accountId(), RECENT_RUNS).collectList())
        .map(
            t -> {
              model.addAttribute("summary", AccountSummaryView.of(t.getT1()));
              model.addAttribute("runs", t.getT2().stream().map(RunView::of).toList());
              return "account/dashboard";
            });
  }

  @GetMapping("/portal/keys")
  Mono<String> keys(@AuthenticationPrincipal PortalUser user, Model model) {
    return keysPage(user, model);
  }

  @PostMapping("/portal/keys")
  Mono<String> createKey(@AuthenticationPrincipal PortalUser user, Model model) {
    return issue
        .issue(IssueApiKeyCommand.additionalKey(user.accountId()))
        .flatMap(
            issued -> {
              model.addAttribute("newKey", issued.secret().reveal());
              return keysPage(user, model);
            })
        .onErrorResume(
            LimitReachedException.class,
            e -> {
              model.addAttribute("keyError", e.getMessage());
              return keysPage(user, model);
            });
  }

  @PostMapping("/portal/keys/{id}/revoke")
  Mono<String> revokeKey(@AuthenticationPrincipal PortalUser user, @PathVariable UUID id) {
    return revoke.revoke(user.accountId(), new ApiKeyId(id)).thenReturn("redirect:/portal/keys");
  }

  private Mono<String> keysPage(PortalUser user, Model model) {
    return keys.keys(user.accountId())
        .collectList()
        .map(
            list -> {
              model.addAttribute("keys", list.stream().map(ApiKeyView::of).toList());
              return "account/keys";
            });
  }
}
