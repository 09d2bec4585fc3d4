package com.fmugateway.bootstrap;

import com.fmugateway.domain.account.model.KeyLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys per account ({@code FMUGW_KEYS_…}): at most {@code maxActive} unrevoked, and at most
 * {@code perWindow} created per {@code window} (log-ins that hand out a key included).
 */
@ConfigurationProperties("fmugw.keys")
record KeyProperties(
    @DefaultValue("10") int maxActive,
    @DefaultValue("20") int perWindow,
    @DefaultValue("1h") Duration window) {

  KeyLimits limits() {
    return new KeyLimits(maxActive, perWindow, window);
  }
}
