package com.fmugateway.domain.model.account;

/** What an account may do: customers use the service, operators also see the whole business. */
public enum Role {
  CUSTOMER,
  OPERATOR
}
