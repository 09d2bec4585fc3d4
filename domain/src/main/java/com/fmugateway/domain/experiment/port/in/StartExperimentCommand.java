package com.fmugateway.domain.experiment.port.in;

import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: run {@code base} once per case of {@code sweep}, each case's start values laid over the
 * base's; {@code callbackUrl}, if given, is told when the experiment ends. The base's clock ticks
 * (a scheduled execution run's) are every case's: a sweep varies start values, not the schedule.
 */
public record StartExperimentCommand(
    SimulateCommand base, Sweep sweep, Optional<String> callbackUrl) {

  public StartExperimentCommand {
    Objects.requireNonNull(base, "base");
    if (sweep == null) {
      throw new InvalidInputException("sweep", "is required");
    }
    Objects.requireNonNull(callbackUrl, "callbackUrl");
    callbackUrl.ifPresent(StartExperimentCommand::checkUrl);
    if (base.payment().token().isPresent()) {
      throw new InvalidInputException(
          "paymentToken", "pays for one run; an experiment is paid from credits");
    }
  }

  private static void checkUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException malformed) {
      throw new InvalidInputException("callbackUrl", "is not a URL");
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null
        || url.length() > 2048) {
      throw new InvalidInputException(
          "callbackUrl", "must be an http or https URL of at most 2048 characters");
    }
  }
}
