package com.fmugateway.adapter.out.persistence;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Test-only application so the adapter's tests run inside this module. */
@SpringBootApplication(proxyBeanMethods = false)
@Import(PersistenceConfiguration.class)
public class PersistenceTestApplication {}
