package com.fmugateway.adapter.in.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * A slice test of the REST adapter: {@link HttpTestApplication} on a mock server, driven by a
 * {@code WebTestClient}. Every test class shares the one context. The timeout is generous because
 * the first requests of a cold JVM on a busy build machine can take seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = HttpTestApplication.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
public @interface HttpSliceTest {}
