package com.fmugateway.adapter.in.http.docs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an operation really answers, each documented as {@code
 * application/problem+json} (402 with the payment members). 401 is added to every operation that
 * needs a key, so it need not be listed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemResponses {

  /** HTTP statuses, e.g. {@code {400, 404, 429}}. */
  int[] value();
}
