package com.fmugateway.adapter.in.portal.account;

/** The sign-up form as typed; the password is never echoed back into the page. */
public record SignUpForm(String email, String password) {

  @Override
  public String toString() {
    return "SignUpForm[" + email + "]";
  }
}
