package com.fmugateway.domain.shared.model;

/**
 * Which page of a list a caller asks for: pages count from 1, {@value #DEFAULT_SIZE} items a page
 * unless asked otherwise, at most {@value #MAX_SIZE}.
 */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  public PageRequest {
    if (page < 1) {
      throw new InvalidInputException("page", "must be 1 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
    }
  }

  public static PageRequest first() {
    return new PageRequest(1, DEFAULT_SIZE);
  }

  /** How many items come before this page. */
  public long offset() {
    return (long) (page - 1) * size;
  }
}
