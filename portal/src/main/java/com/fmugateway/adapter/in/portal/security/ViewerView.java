package com.fmugateway.adapter.in.portal.security;

import com.fmugateway.domain.account.model.Role;

/** Who is looking at a page, as the layout needs it: their email, and whether they operate. */
public record ViewerView(String email, boolean operator) {

  static ViewerView of(PortalUser user) {
    return new ViewerView(user.email(), user.role() == Role.OPERATOR);
  }
}
