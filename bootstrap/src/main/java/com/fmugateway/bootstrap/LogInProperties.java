package com.fmugateway.bootstrap;

import com.fmugateway.domain.account.model.LogInLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed log-ins ({@code FMUGW_LOG_IN_…}): at most {@code perEmail} for one email and {@code
 * perAddress} from one client address per {@code window}, then refused until the window ends.
 */
@ConfigurationProperties("fmugw.log-in")
record LogInProperties(
    @DefaultValue("5") int perEmail,
    @DefaultValue("20") int perAddress,
    @DefaultValue("15m") Duration window) {

  LogInLimits limits() {
    return new LogInLimits(perEmail, perAddress, window);
  }
}
