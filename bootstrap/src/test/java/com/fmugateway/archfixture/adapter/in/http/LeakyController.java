package com.fmugateway.archfixture.adapter.in.http;

import com.fmugateway.archfixture.adapter.out.persistence.SomeRepository;
import com.fmugateway.archfixture.domain.thing.service.SomeService;
import org.springframework.r2dbc.core.DatabaseClient;

/** Deliberate violations: adapter to adapter, adapter to service, R2DBC outside persistence. */
public class LeakyController {

  public SomeRepository repository;
  public SomeService service;
  public DatabaseClient database;
}
