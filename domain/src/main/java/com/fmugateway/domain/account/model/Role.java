package com.fmugateway.domain.account.model;

/** What an account may do: customers use the service, operators also see the whole business. */
public enum Role {
  CUSTOMER,
  OPERATOR
}
