package com.fmugateway.adapter.in.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * A slice test of the portal: {@link PortalTestApplication} on a mock server, driven by a {@code
 * WebTestClient} through {@link PortalBrowser}. Every test class shares the one context. The
 * timeout is generous because a cold JVM on a busy build machine can take seconds per request.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = PortalTestApplication.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
public @interface PortalSliceTest {}
