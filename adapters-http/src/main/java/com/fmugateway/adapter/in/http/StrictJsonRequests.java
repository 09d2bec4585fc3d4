package com.fmugateway.adapter.in.http;

import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies name only fields the API knows: a misspelt {@code stop_tme} is a 400 naming it,
 * not a run with defaults the caller pays for. Server-side decoding only; the payment adapters'
 * clients read providers' answers leniently, as providers add fields.
 */
@Component
class StrictJsonRequests implements WebFluxConfigurer {

  private final JsonMapper json;

  StrictJsonRequests(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void configureHttpMessageCodecs(ServerCodecConfigurer codecs) {
    codecs
        .defaultCodecs()
        .jacksonJsonDecoder(
            new JacksonJsonDecoder(
                json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()));
  }
}
