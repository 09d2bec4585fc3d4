package com.fmugateway.adapter.in.http.problem;

/**
 * Field names as API clients see them: the JSON is snake_case, the Java names camelCase. Only the
 * leading property is converted; what follows ({@code start_values.T}) is the model's own name.
 */
final class FieldNames {

  private FieldNames() {}

  static String toJson(String javaName) {
    if (javaName.indexOf('-') >= 0) {
      return javaName; // a header's name (PAYMENT-SIGNATURE), not a property's
    }
    int end = javaName.length();
    for (int i = 0; i < javaName.length(); i++) {
      if (javaName.charAt(i) == '.' || javaName.charAt(i) == '[') {
        end = i;
        break;
      }
    }
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (char c : javaName.substring(0, end).toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.append(javaName.substring(end)).toString();
  }
}
