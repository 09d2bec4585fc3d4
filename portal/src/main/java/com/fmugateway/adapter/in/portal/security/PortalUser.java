package com.fmugateway.adapter.in.portal.security;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Role;
import com.fmugateway.domain.account.model.Tier;
import java.io.Serializable;

/** The person signed in to the portal: their account, email and role. */
public record PortalUser(AccountId accountId, String email, Role role, Tier tier)
    implements Serializable {}
