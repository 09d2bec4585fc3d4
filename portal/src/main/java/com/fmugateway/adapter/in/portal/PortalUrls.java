package com.fmugateway.adapter.in.portal;

import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;

/** Absolute URLs of this gateway as the browser reached it, for links that leave the portal. */
public final class PortalUrls {

  private PortalUrls() {}

  /** {@code scheme://host[:port]} of the request, without path, query or fragment. */
  public static String origin(URI requested) {
    return UriComponentsBuilder.fromUri(requested)
        .replacePath(null)
        .replaceQuery(null)
        .fragment(null)
        .build()
        .toUriString();
  }
}
