package com.fmugateway.adapter.in.http;

import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies name only fields the API knows: a misspelt {@code stop_tme} is a 400 naming it,
 * not a run with defaults the caller pays for; and no string in them holds a NUL character (no
 * email, id or name legitimately does, and C code downstream would cut it there). Server-side
 * decoding only; the payment adapters' clients read providers' answers leniently, as providers add
 * fields.
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
                json.rebuild()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .addModule(new SimpleModule().addDeserializer(String.class, new NoNul()))
                    .build()));
  }

  /** Strings as usual, refused when they hold U+0000. */
  static final class NoNul extends StringDeserializer {

    static final String MESSAGE = "must not contain NUL characters";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String text = super.deserialize(parser, context);
      if (text != null && text.indexOf('\0') >= 0) {
        throw InvalidFormatException.from(parser, MESSAGE, text, String.class);
      }
      return text;
    }
  }
}
