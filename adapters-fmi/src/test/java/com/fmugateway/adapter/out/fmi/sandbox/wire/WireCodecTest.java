package com.fmugateway.adapter.out.fmi.sandbox.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.fmi.sandbox.wire.RunRequest.NamedValue;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.model.ResultAssembler;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.SolverStatistics;
import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireCodecTest {

  @Test
  void aRequest_survivesTheRoundTripWithEveryKindOfValue() throws Exception {
    RunRequest request =
        new RunRequest(
            "/fmu/model.fmu",
            FmuInterface.MODEL_EXCHANGE,
            0.5,
            10,
            0.25,
            List.of(
                new NamedValue("k", 2.5),
                new NamedValue("n", 7),
                new NamedValue("on", true),
                new NamedValue("label", "ü".repeat(70_000))),
            List.of(
                new InputSignal("u", new double[] {0, 1}, new double[] {3, 4}, Interpolation.HOLD),
                new InputSignal(
                    "k",
                    new double[] {0, 1, 2},
                    List.of(9007199254740993L, -1L, Long.MIN_VALUE),
                    Interpolation.HOLD),
                new InputSignal(
                    "a",
                    new double[] {0, 1},
                    List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)),
                    Interpolation.LINEAR),
                new InputSignal(
                    "z", new double[] {0, 1}, List.of(true, false), Interpolation.HOLD)),
            List.of("h", "v"),
            new Solver(SolverKind.RK4, 1e-5, 1e-7, OptionalDouble.of(0.01)),
            Duration.ofMillis(1500),
            Map.of("trigger", List.of(0.5, 1.0), "other", List.of()));

    assertThat(WireCodec.decodeRequest(WireCodec.encodeRequest(request).contents()))
        .isEqualTo(request);
  }

  @Test
  void aResult_survivesTheRoundTripInChunksWithEveryColumnType() throws Exception {
    SimulationResult result =
        new SimulationResult(
            new double[] {0, 0.5, 1.0},
            List.of(
                new Column.Real("x", new double[] {1.5, Double.NaN, 2}),
                new Column.Integer("n", new int[] {1, -2, 3}),
                new Column.Whole("u", new long[] {-1, 2, 3}, true),
                new Column.Bool("b", new boolean[] {true, false, true}),
                new Column.Text("s", List.of("a", "ß", ""))),
            12,
            3,
            Duration.ofNanos(123_456),
            List.of("[OK] info: hello"),
            Map.of("outClock", List.of(0.5, 1.5)),
            Optional.empty(),
            Set.of());

    ResultAssembler whole = new ResultAssembler();
    SimulationResult back = null;
    for (ResultPart part : ResultPart.split(result, ResultLayout.ROWS, Set.of(), 2)) {
      WireOutput message =
          part instanceof ResultPart.Chunk chunk
              ? WireCodec.encodeChunk(chunk)
              : WireCodec.encodeCompleted((ResultPart.End) part);
      WorkerResponse decoded = WireCodec.decodeResponse(message.contents());
      if (decoded instanceof WorkerResponse.Samples samples) {
        whole.add(samples.chunk());
      } else {
        back = whole.finish(((WorkerResponse.Completed) decoded).end());
      }
    }

    assertThat(back).isEqualTo(result);
    assertThat(back.columns().get(4)).isEqualTo(result.columns().get(4));
    assertThat(back.cpuTime()).isEqualTo(result.cpuTime());
    assertThat(back.fmuLog()).isEqualTo(result.fmuLog());
    assertThat(back.clockEvents()).isEqualTo(result.clockEvents());
  }

  @Test
  void solverStatistics_surviveTheRoundTrip() throws Exception {
    for (SolverStatistics statistics :
        List.of(
            new SolverStatistics(4_321, Optional.of(JacobianSource.DIRECTIONAL_DERIVATIVES), 99),
            new SolverStatistics(12, Optional.empty(), 0))) {
      ResultPart.End end =
          new ResultPart.End(1, 0, Duration.ZERO, List.of(), Map.of(), Optional.of(statistics));

      WorkerResponse decoded = WireCodec.decodeResponse(WireCodec.encodeCompleted(end).contents());

      assertThat(((WorkerResponse.Completed) decoded).end().solverStatistics())
          .contains(statistics);
    }
  }

  @Test
  void aRequest_carriesTheLayoutItsResultIsWantedIn() throws Exception {
    RunRequest request =
        new RunRequest(
            "/fmu/model.fmu",
            FmuInterface.CO_SIMULATION,
            0,
            1,
            0.5,
            List.of(),
            List.of(),
            List.of("h"),
            new Solver(SolverKind.RK4, 1e-5, 1e-7, OptionalDouble.empty()),
            Duration.ofSeconds(1),
            Map.of());

    WireCodec.Order order =
        WireCodec.decodeOrder(WireCodec.encodeRequest(request, ResultLayout.COLUMNS).contents());

    assertThat(order.request()).isEqualTo(request);
    assertThat(order.layout()).isEqualTo(ResultLayout.COLUMNS);
  }

  @Test
  void aFailure_survivesTheRoundTrip() throws Exception {
    WireOutput failed =
        WireCodec.encodeFailed(Cause.MODEL_ERROR, "fmi2DoStep failed", List.of("x"));

    assertThat(WireCodec.decodeResponse(failed.contents()))
        .isEqualTo(new WorkerResponse.Failed(Cause.MODEL_ERROR, "fmi2DoStep failed", List.of("x")));
  }

  @Test
  void aCountLargerThanTheBytesLeft_isRejectedBeforeAllocating() {
    ByteBuffer hostile =
        new WireOutput().writeByte('K').writeInt(Integer.MAX_VALUE).writeDouble(1).contents();

    assertThatThrownBy(() -> WireCodec.decodeResponse(hostile))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("does not fit");
  }

  @Test
  void columnsOfAnotherLengthThanTime_areAProtocolViolation() {
    WireOutput out = new WireOutput().writeByte('K').writeDoubles(new double[] {0, 1});
    out.writeInt(1).writeByte('D').writeString("x").writeDoubles(new double[] {1});

    assertThatThrownBy(() -> WireCodec.decodeResponse(out.contents()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("inconsistent chunk");
  }

  @Test
  void bytesAfterTheEndOfAMessage_areAProtocolViolation() {
    WireOutput failed = WireCodec.encodeFailed(Cause.CRASHED, "m", List.of()).writeByte(0);

    assertThatThrownBy(() -> WireCodec.decodeResponse(failed.contents()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("unexpected bytes");
  }

  @Test
  void anUnknownCause_isAProtocolViolation() {
    WireOutput out = new WireOutput().writeByte('F').writeString("BORED").writeString("m");
    out.writeStrings(List.of());

    assertThatThrownBy(() -> WireCodec.decodeResponse(out.contents()))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("no Cause named BORED");
  }

  @Test
  void aTruncatedMessage_isAProtocolViolation() {
    ByteBuffer whole = WireCodec.encodeFailed(Cause.CRASHED, "message", List.of()).contents();
    ByteBuffer truncated = whole.limit(whole.limit() - 3);

    assertThatThrownBy(() -> WireCodec.decodeResponse(truncated))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void aHelloFromAnotherProtocolVersion_isRejected() {
    ByteBuffer other = new WireOutput().writeInt(0x464d5557).writeInt(99).contents();

    assertThatThrownBy(() -> WireCodec.checkHello(other))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("protocol version 5");
  }
}
