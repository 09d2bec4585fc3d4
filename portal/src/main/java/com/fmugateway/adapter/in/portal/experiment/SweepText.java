package com.fmugateway.adapter.in.portal.experiment;

import com.fmugateway.adapter.in.portal.run.RunCommands;
import com.fmugateway.domain.experiment.model.ParameterSpec;
import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the sweep from the form's text: a parameter per line, {@code name: values a, b, c}, {@code
 * name: range start stop num}, {@code name: uniform min max} or {@code name: normal mean std}; for
 * method cases a case per line, {@code name=value, name=value}. Errors name the form's field.
 */
final class SweepText {

  private SweepText() {}

  static Sweep read(ExperimentForm form) {
    SweepMethod method =
        SweepMethod.fromCode(blankToEmpty(form.method()))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "method", "choose full_factorial, latin_hypercube, sobol or cases"));
    Map<String, ParameterSpec> parameters =
        method == SweepMethod.CASES ? Map.of() : parameters(form.parameters());
    List<Map<String, Object>> cases = method == SweepMethod.CASES ? cases(form.cases()) : List.of();
    OptionalInt samples =
        method == SweepMethod.LATIN_HYPERCUBE || method == SweepMethod.SOBOL
            ? OptionalInt.of(integer("samples", form.samples()))
            : OptionalInt.empty();
    long seed = form.seed() == null || form.seed().isBlank() ? 0 : integer("seed", form.seed());
    return new Sweep(method, parameters, samples, seed, cases);
  }

  private static Map<String, ParameterSpec> parameters(String text) {
    Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    for (String line : lines(text)) {
      int cut = line.indexOf(':');
      if (cut <= 0) {
        throw new InvalidInputException(
            "parameters",
            "write one 'name: values|range|uniform|normal …' per line, not '" + line + "'");
      }
      String name = line.substring(0, cut).strip();
      String[] words = line.substring(cut + 1).strip().split("[,\\s]+");
      String kind = words[0].toLowerCase(Locale.ROOT);
      String[] args = Arrays.copyOfRange(words, 1, words.length);
      specs.put(name, spec(name, kind, args));
    }
    return specs;
  }

  private static ParameterSpec spec(String name, String kind, String[] args) {
    switch (kind) {
      case "values":
        if (args.length == 0 || args[0].isEmpty()) {
          throw new InvalidInputException("parameters", name + ": list at least one value");
        }
        List<Object> values = new ArrayList<>();
        for (String a : args) {
          values.add(RunCommands.parse(a));
        }
        return new ParameterSpec.Values(values);
      case "range":
        expect(name, kind, args, "start stop num");
        return new ParameterSpec.Range(
            number(name, args[0]), number(name, args[1]), integer("parameters", args[2]));
      case "uniform":
        expect(name, kind, args, "min max");
        return new ParameterSpec.Uniform(number(name, args[0]), number(name, args[1]));
      case "normal":
        expect(name, kind, args, "mean std");
        return new ParameterSpec.Normal(number(name, args[0]), number(name, args[1]));
      default:
        throw new InvalidInputException(
            "parameters", name + ": say values, range, uniform or normal, not '" + kind + "'");
    }
  }

  private static void expect(String name, String kind, String[] args, String what) {
    if (args.length != what.split(" ").length) {
      throw new InvalidInputException("parameters", name + ": write '" + kind + " " + what + "'");
    }
  }

  private static List<Map<String, Object>> cases(String text) {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String line : lines(text)) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (String pair : line.split("[,;]")) {
        if (pair.isBlank()) {
          continue;
        }
        int cut = pair.indexOf('=');
        if (cut <= 0) {
          throw new InvalidInputException(
              "cases", "write one case per line as name=value, name=value; not '" + line + "'");
        }
        values.put(
            pair.substring(0, cut).strip(), RunCommands.parse(pair.substring(cut + 1).strip()));
      }
      cases.add(values);
    }
    return cases;
  }

  private static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static double number(String name, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("parameters", name + ": '" + text + "' is not a number");
    }
  }

  private static int integer(String field, String text) {
    try {
      return Integer.parseInt(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "'" + blankToEmpty(text) + "' is not a whole number");
    }
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text.strip();
  }
}
