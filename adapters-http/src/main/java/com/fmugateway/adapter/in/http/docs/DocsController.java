package com.fmugateway.adapter.in.http.docs;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /docs}: the interactive API documentation at a short, stable address. */
@RestController
@Hidden
class DocsController {

  private static final Resource PAGE = new ClassPathResource("fmugw/docs.html");

  @GetMapping({"/docs", "/docs/"})
  ResponseEntity<Resource> docs() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
  }
}
