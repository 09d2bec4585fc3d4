package com.fmugateway.adapter.in.portal.home;

import com.fmugateway.adapter.in.portal.PortalUrls;
import com.fmugateway.domain.billing.port.in.GetPricingQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The landing page: what FMU Gateway is, how to start, and what it costs. */
@Controller
class HomeController {

  private final GetPricingQuery pricing;

  HomeController(GetPricingQuery pricing) {
    this.pricing = pricing;
  }

  @GetMapping("/")
  Mono<String> home(ServerWebExchange exchange, Model model) {
    model.addAttribute("origin", PortalUrls.origin(exchange.getRequest().getURI()));
    return pricing
        .pricing()
        .map(
            prices -> {
              model.addAttribute("pricing", PricingView.of(prices));
              return "home";
            });
  }
}
