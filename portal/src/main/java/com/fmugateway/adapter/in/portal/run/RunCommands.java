package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.adapter.in.portal.security.PortalUser;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the run form into a command: the outputs named (all of them when none is), the KPIs named,
 * or when none is, max, min, mean and final of every Real output among them; the "more settings" as
 * typed; an array's start value as a JSON array; and each triggered clock's tick times.
 */
public final class RunCommands {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final java.util.Set<VariableType> REAL_TYPES =
      java.util.EnumSet.of(VariableType.REAL, VariableType.FLOAT64, VariableType.FLOAT32);

  private RunCommands() {}

  static SimulateCommand from(RunForm form, PortalUser caller, ModelDescription model) {
    return from(form, caller, model, PaymentChoice.CREDITS);
  }

  /** The command of {@code form}, paid as {@code payment} says (an experiment's quote, say). */
  public static SimulateCommand from(
      RunForm form, PortalUser caller, ModelDescription model, PaymentChoice payment) {
    List<String> outputs = names(form.outputs());
    List<String> named = names(form.kpis());
    List<String> kpis =
        !named.isEmpty()
            ? named
            : model.outputs().stream()
                .filter(v -> REAL_TYPES.contains(v.type()) && !v.isArray())
                .filter(v -> outputs.isEmpty() || outputs.contains(v.name()))
                .flatMap(
                    v -> List.of("_max", "_min", "_mean", "_final").stream().map(k -> v.name() + k))
                .toList();
    return new SimulateCommand(
        caller.accountId(),
        caller.tier(),
        new FmuId(form.fmuId()),
        number("startTime", form.startTime()),
        number("stopTime", form.stopTime()),
        number("step", form.step()),
        startValues(form.startValues()),
        InputSignalsText.read(form.inputSignals()),
        outputs,
        kpis,
        Optional.ofNullable(form.fmuInterface()).filter(s -> !s.isBlank()),
        Optional.ofNullable(form.solver()).filter(s -> !s.isBlank()),
        number("rtol", form.rtol()),
        number("atol", form.atol()),
        payment,
        clockTicks(form.clockTicks()));
  }

  /** Each clock's ticks as typed: times separated by commas or spaces; blank is none. */
  static Map<String, List<Double>> clockTicks(Map<String, String> typed) {
    Map<String, List<Double>> ticks = new LinkedHashMap<>();
    typed.forEach(
        (clock, text) -> {
          if (text == null || text.isBlank()) {
            return;
          }
          List<Double> times = new ArrayList<>();
          for (String time : text.strip().split("[,\\s]+")) {
            if (time.isEmpty()) {
              continue;
            }
            try {
              times.add(Double.parseDouble(time));
            } catch (NumberFormatException e) {
              throw new InvalidInputException(
                  "clockTicks." + clock, "'" + time + "' is not a number");
            }
          }
          ticks.put(clock, times);
        });
    return ticks;
  }

  /** Names separated by commas, spaces or new lines. */
  private static List<String> names(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,\\s]+")).filter(n -> !n.isEmpty()).distinct().toList();
  }

  /** A number as typed; blank is empty. */
  public static OptionalDouble number(String field, String text) {
    if (text == null || text.isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "'" + text + "' is not a number");
    }
  }

  /** Lines of {@code name=value}; numbers, true/false, or text. */
  private static Map<String, Object> startValues(String text) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (text == null) {
      return values;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int cut = line.indexOf('=');
      if (cut <= 0) {
        throw new InvalidInputException(
            "startValues", "write one name=value per line, not '" + line.strip() + "'");
      }
      String name = line.substring(0, cut).strip();
      String value = line.substring(cut + 1).strip();
      values.put(name, value.startsWith("[") ? array(name, value) : parse(value));
    }
    return values;
  }

  /** An array variable's value: a JSON array, nested or flat, row-major. */
  private static List<?> array(String name, String json) {
    try {
      return JSON.readValue(json, List.class);
    } catch (JacksonException e) {
      throw new InvalidInputException(
          "startValues." + name,
          "write an array as JSON, e.g. [1, 2, 3] or [[1, 0], [0, 1]], not '" + json + "'");
    }
  }

  /** A typed value: a number, true/false, or text. */
  public static Object parse(String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
