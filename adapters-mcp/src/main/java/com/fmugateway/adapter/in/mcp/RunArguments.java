package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The arguments that describe a run, shared by {@code quote_simulation} and {@code simulate}: the
 * fields of {@code POST /simulate}, spelt the same, so a tool call and a REST call are one request.
 */
final class RunArguments {

  static final String FMU_ID = "fmu_id";
  static final String CLOCK_TICKS = "clock_ticks";

  private RunArguments() {}

  /** The run's properties, for a tool's input schema. */
  static Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        FMU_ID,
        Schemas.string(
            "The model to run: a library id (lib:<Name>, or msl:<Name>) or the id of one of your"
                + " uploads, as search_models lists them.",
            "msl:BouncingBall"));
    p.put(
        "start_time",
        Schemas.number(
            "Start of the run, seconds. Default: the model's default experiment, else 0."));
    p.put(
        "stop_time",
        Schemas.number(
            "End of the run, seconds. Default: the model's default experiment (describe_model"
                + " shows it)."));
    p.put("step", Schemas.number("Output interval, seconds, e.g. 0.01."));
    p.put(
        "start_values",
        Schemas.freeObject(
            "{variable: value} for parameters and inputs, checked against each variable's type and"
                + " causality (describe_model lists them)."));
    p.put(
        "input_signals",
        Schemas.arrayOf(
            "Input time series: each {name, time[], values[], interpolation: linear|hold}.",
            Schemas.object(
                Map.of(
                    "name", Schemas.string("An input variable of the model"),
                    "time", Schemas.numbers("Sample times, increasing"),
                    "values",
                        Schemas.arrayOf(
                            "One value per sample time, typed like a start value of the input:"
                                + " numbers (64-bit integers exact), true/false, text, Binary as"
                                + " hex, an array of the input's size for an array input",
                            Map.of("type", List.of("number", "boolean", "string", "array"))),
                    "interpolation",
                        Schemas.oneOf(
                            "Between samples; default linear for float inputs, hold (the only"
                                + " choice) for the others",
                            List.of("linear", "hold"))),
                List.of("name", "time", "values"))));
    p.put("outputs", Schemas.strings("Variables to return. Default: all the model's outputs."));
    p.put(
        "kpis",
        Schemas.strings(
            "Key figures to compute, each <variable>_<rms|mean|min|max|peak|final>, e.g. h_max."));
    p.put(
        "interface",
        Schemas.oneOf(
            "cs (co-simulation), me (model exchange), se (scheduled execution, FMI 3.0 clocks)"
                + " or auto (default: cs when the FMU has it).",
            List.of("cs", "me", "se", "auto")));
    p.put(
        "solver",
        Schemas.oneOf(
            "Model exchange only; default dormand_prince (adaptive). rosenbrock is implicit,"
                + " for stiff models; auto starts with dormand_prince and switches to"
                + " rosenbrock when the model turns out stiff.",
            List.of("euler", "rk4", "dormand_prince", "dormand_prince_853", "rosenbrock", "auto")));
    p.put("rtol", Schemas.number("Relative tolerance of the adaptive solvers."));
    p.put("atol", Schemas.number("Absolute tolerance of the adaptive solvers."));
    p.put(
        CLOCK_TICKS,
        Schemas.mapOf(
            "Scheduled execution (interface se) only: {triggered input clock: [times]}, the"
                + " times each such clock fires, ascending within start_time and stop_time"
                + " (describe_model lists the clocks). Periodic and countdown clocks fire by"
                + " themselves. The answer's clock_events lists when each output clock ticked."
                + " Example: {\"trigger\": [0.3, 1.0, 2.25]}.",
            Schemas.numbers("Times the clock fires, seconds, ascending")));
    return p;
  }

  /** The command for {@code args}, paid as {@code payment} says. */
  static SimulateCommand command(Caller caller, Arguments args, PaymentChoice payment) {
    String fmuId = args.requiredString(FMU_ID);
    return new SimulateCommand(
        caller.account().accountId(),
        caller.account().tier(),
        new FmuId(fmuId),
        args.optionalNumber("start_time"),
        args.optionalNumber("stop_time"),
        args.optionalNumber("step"),
        args.object("start_values"),
        signals(args.objectList("input_signals")),
        args.stringList("outputs"),
        args.stringList("kpis"),
        args.optionalString("interface"),
        args.optionalString("solver"),
        args.optionalNumber("rtol"),
        args.optionalNumber("atol"),
        payment,
        clockTicks(args.object(CLOCK_TICKS)));
  }

  /** {clock: [times]}; each list checked to be numbers, naming the clock (and time) if not. */
  private static Map<String, List<Double>> clockTicks(Map<String, Object> given) {
    if (given == null) {
      return Map.of();
    }
    Map<String, List<Double>> ticks = new LinkedHashMap<>();
    given.forEach(
        (clock, times) -> {
          double[] numbers = numbers(CLOCK_TICKS + "." + clock, times);
          ticks.put(clock, java.util.Arrays.stream(numbers).boxed().toList());
        });
    return ticks;
  }

  /** Paying from credits, by {@code payment_method} when they are short. */
  static PaymentChoice payment(Arguments args, boolean quoteOnly) {
    return new PaymentChoice(
        args.optionalString("payment_token"),
        quoteOnly,
        CheckoutOptions.parse(args.optionalString("payment_method").orElse(null), null, null));
  }

  private static List<SimulateCommand.SignalSpec> signals(List<Map<String, Object>> given) {
    if (given == null) {
      return List.of();
    }
    List<SimulateCommand.SignalSpec> signals = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      String prefix = "input_signals[" + i + "].";
      Map<String, Object> signal = given.get(i);
      Arguments fields =
          named(
              prefix,
              () -> Arguments.of(signal, Set.of("name", "time", "values", "interpolation")));
      signals.add(
          new SimulateCommand.SignalSpec(
              named(prefix, () -> fields.requiredString("name")),
              numbers(prefix + "time", signal.get("time")),
              samples(prefix + "values", signal.get("values")),
              named(prefix, () -> fields.optionalString("interpolation").orElse(null))));
    }
    return signals;
  }

  /** {@code read}, its errors naming the argument under {@code prefix} (e.g. {@code sweep.}). */
  static <T> T named(String prefix, Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(prefix + e.field(), e.getMessage());
    }
  }

  /** A signal's samples as given; the model's input types them. */
  private static List<Object> samples(String field, Object value) {
    if (!(value instanceof List<?> list)) {
      throw new InvalidInputException(field, "must be an array of values, one per time");
    }
    return new ArrayList<>(list);
  }

  private static double[] numbers(String field, Object value) {
    if (!(value instanceof List<?> list)) {
      throw new InvalidInputException(field, "must be an array of numbers");
    }
    double[] numbers = new double[list.size()];
    for (int i = 0; i < numbers.length; i++) {
      if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw new InvalidInputException(field + "[" + i + "]", "must be a finite number");
      }
      numbers[i] = n.doubleValue();
    }
    return numbers;
  }
}
