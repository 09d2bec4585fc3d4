package com.fmugateway.adapter.in.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: what FMU Gateway is and how to start. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}
