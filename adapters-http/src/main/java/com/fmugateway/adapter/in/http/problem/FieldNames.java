package com.fmugateway.adapter.in.http.problem;

/** Field names as API clients see them: the JSON is snake_case, the Java names camelCase. */
final class FieldNames {

  private FieldNames() {}

  static String toJson(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (char c : javaName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
