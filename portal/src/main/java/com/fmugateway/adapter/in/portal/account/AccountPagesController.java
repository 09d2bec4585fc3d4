package com.fmugateway.adapter.in.portal.account;

import com.fmugateway.adapter.in.portal.security.LoginFailureHandler;
import com.fmugateway.domain.account.port.in.SignUpCommand;
import com.fmugateway.domain.account.port.in.SignUpUseCase;
import com.fmugateway.domain.shared.model.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** Log-in and sign-up pages; sign-up shows the first API key once. */
@Controller
class AccountPagesController {

  private final SignUpUseCase signUp;

  AccountPagesController(SignUpUseCase signUp) {
    this.signUp = signUp;
  }

  @GetMapping("/portal/login")
  Mono<String> login(WebSession session, Model model) {
    Object typed = session.getAttributes().remove(LoginFailureHandler.TYPED_EMAIL);
    model.addAttribute("email", typed instanceof String email ? email : "");
    return Mono.just("account/login");
  }

  @GetMapping("/portal/signup")
  String signUpForm(Model model) {
    model.addAttribute("form", new SignUpForm("", ""));
    return "account/signup";
  }

  @PostMapping("/portal/signup")
  Mono<String> signUp(@ModelAttribute SignUpForm form, Model model) {
    model.addAttribute("form", new SignUpForm(form.email(), ""));
    return Mono.fromCallable(() -> new SignUpCommand(form.email(), form.password()))
        .flatMap(signUp::signUp)
        .map(
            issued -> {
              model.addAttribute("key", issued.secret().reveal());
              return "account/welcome";
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
