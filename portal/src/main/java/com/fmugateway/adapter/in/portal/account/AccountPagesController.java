package com.fmugateway.adapter.in.portal.account;

import com.fmugateway.adapter.in.portal.security.LoginFailureHandler;
import com.fmugateway.adapter.in.portal.security.PortalSessions;
import com.fmugateway.domain.account.model.EmailAlreadyRegisteredException;
import com.fmugateway.domain.account.port.in.FindAccountQuery;
import com.fmugateway.domain.account.port.in.SignUpCommand;
import com.fmugateway.domain.account.port.in.SignUpUseCase;
import com.fmugateway.domain.shared.model.InvalidInputException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Log-in and sign-up pages. Signing up logs the new account in and shows its first API key once; an
 * email that already has an account gets a message that does not say so.
 */
@Controller
class AccountPagesController {

  private final SignUpUseCase signUp;
  private final FindAccountQuery accounts;
  private final PortalSessions sessions;

  AccountPagesController(SignUpUseCase signUp, FindAccountQuery accounts, PortalSessions sessions) {
    this.signUp = signUp;
    this.accounts = accounts;
    this.sessions = sessions;
  }

  /**
   * The log-in form; {@code ?error} after a wrong password, {@code ?throttled=<minutes>} after too
   * many, {@code ?logout} after logging out: each message only when its parameter is there.
   */
  @GetMapping("/portal/login")
  Mono<String> login(ServerWebExchange exchange, Model model) {
    ServerHttpRequest request = exchange.getRequest();
    MultiValueMap<String, String> query = request.getQueryParams();
    model.addAttribute("email", LoginFailureHandler.takeTypedEmail(exchange));
    model.addAttribute("failed", query.containsKey("error"));
    model.addAttribute("loggedOut", query.containsKey("logout"));
    model.addAttribute("retryMinutes", minutes(query.getFirst("throttled")));
    return Mono.just("account/login");
  }

  private static Long minutes(String value) {
    try {
      return value == null ? null : Math.max(1, Math.min(Long.parseLong(value), 24 * 60));
    } catch (NumberFormatException e) {
      return 15L;
    }
  }

  @GetMapping("/portal/signup")
  String signUpForm(Model model) {
    model.addAttribute("form", new SignUpForm("", ""));
    return "account/signup";
  }

  @PostMapping("/portal/signup")
  Mono<String> signUp(@ModelAttribute SignUpForm form, Model model, ServerWebExchange exchange) {
    model.addAttribute("form", new SignUpForm(form.email(), ""));
    return Mono.fromCallable(() -> new SignUpCommand(form.email(), form.password()))
        .flatMap(signUp::signUp)
        .flatMap(
            issued ->
                accounts
                    .account(issued.key().accountId())
                    .flatMap(account -> sessions.logIn(exchange, account))
                    .thenReturn(issued))
        .map(
            issued -> {
              model.addAttribute("key", issued.secret().reveal());
              return "account/welcome";
            })
        .onErrorResume(
            EmailAlreadyRegisteredException.class,
            e -> {
              model.addAttribute("errorField", "form");
              return Mono.just("account/signup");
            })
        .onErrorResume(
            InvalidInputException.class,
            e -> {
              model.addAttribute("errorField", e.field());
              model.addAttribute("error", e.getMessage());
              return Mono.just("account/signup");
            });
  }
}
