package com.fmugateway.adapter.in.portal.security;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.Role;
import java.io.Serializable;

/** The person signed in to the portal: their account, email and role. */
public record PortalUser(AccountId accountId, String email, Role role) implements Serializable {}
