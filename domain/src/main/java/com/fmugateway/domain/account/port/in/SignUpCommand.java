package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Command: open an account with email and password. Password rules: at least 12 characters and at
 * most 72 bytes in UTF-8 (bcrypt reads no further; a longer password would be cut silently), at
 * least one letter and one digit, not the email itself. Neither may contain control characters.
 */
public record SignUpCommand(String email, String password) {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  public static final int MIN_PASSWORD = 12;
  public static final int MAX_PASSWORD_BYTES = 72;

  public SignUpCommand {
    email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (email.isEmpty()) {
      throw new InvalidInputException("email", "is required");
    }
    if (email.length() > 254
        || email.chars().anyMatch(Character::isISOControl)
        || !EMAIL.matcher(email).matches()) {
      throw new InvalidInputException("email", "is not a valid email address");
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new InvalidInputException(
          "password", "must be at least " + MIN_PASSWORD + " characters long");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new InvalidInputException(
          "password",
          "must be at most "
              + MAX_PASSWORD_BYTES
              + " bytes in UTF-8 (72 ASCII characters; accented letters and symbols take 2 to 4)");
    }
    if (password.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("password", "must not contain control characters");
    }
    if (password.chars().noneMatch(Character::isLetter)
        || password.chars().noneMatch(Character::isDigit)) {
      throw new InvalidInputException("password", "must contain at least one letter and one digit");
    }
    if (password.toLowerCase(Locale.ROOT).contains(email)) {
      throw new InvalidInputException("password", "must not contain your email address");
    }
  }

  @Override
  public String toString() {
    return "SignUpCommand[" + email + "]";
  }
}
