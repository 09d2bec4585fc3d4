package com.fmugateway.adapter.out.fmi.fmi3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fmi3FeedthroughTest {

  // Value references from Feedthrough3's modelDescription.xml: input n, output n + 1.
  private static final int FLOAT32 = 1;
  private static final int FLOAT64 = 3;
  private static final int INT8 = 5;
  private static final int UINT8 = 7;
  private static final int INT16 = 9;
  private static final int UINT16 = 11;
  private static final int INT32 = 13;
  private static final int UINT32 = 15;
  private static final int INT64 = 17;
  private static final int UINT64 = 19;
  private static final int BOOLEAN = 21;
  private static final int STRING = 23;
  private static final int BINARY = 25;

  @TempDir Path tempDir;
  private Fmi3TestFmus.Loaded fmu;

  @BeforeEach
  void load() {
    fmu = Fmi3TestFmus.load("Feedthrough3", tempDir);
  }

  @AfterEach
  void unload() {
    fmu.close();
  }

  private Fmi3CoSimulation initialized() {
    Fmi3CoSimulation cs =
        Fmi3Instance.instantiateCoSimulation(
            fmu.fmu(), "feedthrough", fmu.token(), false, false, null, line -> {});
    cs.enterInitializationMode(0);
    cs.exitInitializationMode();
    return cs;
  }

  private static int[] out(int input) {
    return new int[] {input + 1};
  }

  @Test
  void binary_saysItIsFmi30() {
    assertThat(fmu.fmu().version()).isEqualTo("3.0");
  }

  @Test
  void startValues_of64BitIntegers_arriveExactly() {
    try (Fmi3CoSimulation cs = initialized()) {
      // 2^53 + 1 has no double representation, so any detour through double would show.
      assertThat(cs.values().getInt64(out(INT64), 1)).containsExactly(9007199254740993L);
      assertThat(Long.toUnsignedString(cs.values().getUInt64(out(UINT64), 1)[0]))
          .isEqualTo("18446744073709551615");
      assertThat(cs.values().getBinary(out(BINARY), 1)[0]).containsExactly(0x00, 0xFF, 0x7F, 0x80);
      assertThat(cs.values().getString(out(STRING), 1)).containsExactly("Grüße");
      assertThat(cs.values().getBoolean(out(BOOLEAN), 1)).containsExactly(true);
    }
  }

  @Test
  void everyType_setOnItsInput_comesBackFromItsOutputAfterAStep() {
    byte[] big = new byte[100_000];
    new Random(42).nextBytes(big);
    big[10] = 0; // a NUL inside: binaries are length-terminated, not NUL-terminated
    try (Fmi3CoSimulation cs = initialized()) {
      cs.values().setFloat32(new int[] {FLOAT32}, 1.25e-3f);
      cs.values().setFloat64(new int[] {FLOAT64}, Math.PI);
      cs.values().setInt8(new int[] {INT8}, (byte) -5);
      cs.values().setUInt8(new int[] {UINT8}, (byte) 200);
      cs.values().setInt16(new int[] {INT16}, (short) -30000);
      cs.values().setUInt16(new int[] {UINT16}, (short) 60000);
      cs.values().setInt32(new int[] {INT32}, -2_000_000_000);
      cs.values().setUInt32(new int[] {UINT32}, (int) 4_000_000_000L);
      cs.values().setInt64(new int[] {INT64}, Long.MIN_VALUE);
      cs.values().setUInt64(new int[] {UINT64}, Long.parseUnsignedLong("18446744073709551614"));
      cs.values().setBoolean(new int[] {BOOLEAN}, false);
      cs.values().setString(new int[] {STRING}, "ünïcødé ✓");
      cs.values().setBinary(new int[] {BINARY}, big);

      Fmi3CoSimulation.StepResult step = cs.doStep(0, 0.1);

      assertThat(step.lastSuccessfulTime()).isEqualTo(0.1);
      assertThat(step.earlyReturn()).isFalse();
      assertThat(cs.values().getFloat32(out(FLOAT32), 1)).containsExactly(1.25e-3f);
      assertThat(cs.values().getFloat64(out(FLOAT64), 1)).containsExactly(Math.PI);
      assertThat(cs.values().getInt8(out(INT8), 1)).containsExactly(-5);
      assertThat(Byte.toUnsignedInt(cs.values().getUInt8(out(UINT8), 1)[0])).isEqualTo(200);
      assertThat(cs.values().getInt16(out(INT16), 1)).containsExactly((short) -30000);
      assertThat(Short.toUnsignedInt(cs.values().getUInt16(out(UINT16), 1)[0])).isEqualTo(60000);
      assertThat(cs.values().getInt32(out(INT32), 1)).containsExactly(-2_000_000_000);
      assertThat(Integer.toUnsignedLong(cs.values().getUInt32(out(UINT32), 1)[0]))
          .isEqualTo(4_000_000_000L);
      assertThat(cs.values().getInt64(out(INT64), 1)).containsExactly(Long.MIN_VALUE);
      assertThat(Long.toUnsignedString(cs.values().getUInt64(out(UINT64), 1)[0]))
          .isEqualTo("18446744073709551614");
      assertThat(cs.values().getBoolean(out(BOOLEAN), 1)).containsExactly(false);
      assertThat(cs.values().getString(out(STRING), 1)).containsExactly("ünïcødé ✓");
      assertThat(cs.values().getBinary(out(BINARY), 1)[0]).isEqualTo(big);
      assertThat(cs.values().getFloat64(0)).as("time").isEqualTo(0.1);
    }
  }

  @Test
  void severalVariablesInOneCall_keepTheirOrder() {
    try (Fmi3CoSimulation cs = initialized()) {
      cs.values().setInt64(new int[] {INT64}, 7L);
      cs.values().setString(new int[] {STRING}, "a");
      byte[][] empty = {new byte[0]};
      cs.values().setBinary(new int[] {BINARY}, empty);

      assertThat(cs.values().getInt64(new int[] {INT64 + 1, INT64}, 2)).containsExactly(7L, 7L);
      assertThat(cs.values().getString(new int[] {STRING, STRING + 1}, 2))
          .containsExactly("a", "a");
      assertThat(cs.values().getBinary(new int[] {BINARY + 1}, 1)[0]).isEmpty();
    }
  }

  @Test
  void modelExchange_copiesInputsInEventMode() {
    try (Fmi3ModelExchange me =
        Fmi3Instance.instantiateModelExchange(fmu.fmu(), "me", fmu.token(), line -> {})) {
      me.enterInitializationMode(0);
      me.values().setUInt64(new int[] {UINT64}, -2L);
      me.exitInitializationMode();

      assertThat(me.updateDiscreteStates().discreteStatesNeedUpdate()).isFalse();
      assertThat(me.values().getUInt64(out(UINT64), 1)).containsExactly(-2L);
      assertThat(me.numberOfContinuousStates()).isZero();
    }
  }

  @Test
  void settingAnOutput_failsWithTheFmusReason() {
    try (Fmi3CoSimulation cs = initialized()) {
      assertThatThrownBy(() -> cs.values().setInt64(out(INT64), 1L))
          .isInstanceOfSatisfying(
              Fmi3Exception.class,
              e -> {
                assertThat(e.function()).isEqualTo("fmi3SetInt64");
                assertThat(e.status()).isEqualTo(Fmi3Status.ERROR);
                assertThat(e.log())
                    .last()
                    .extracting(Fmi3LogLine::message)
                    .asString()
                    .contains("Int64_output cannot be set");
              });
    }
  }

  @Test
  void aCountNotMatchingTheVariables_isRefused() {
    try (Fmi3CoSimulation cs = initialized()) {
      assertThatThrownBy(() -> cs.values().getFloat64(new int[] {FLOAT64}, 2))
          .isInstanceOf(Fmi3Exception.class)
          .hasMessageContaining("nValues is 2");
      assertThatThrownBy(() -> cs.values().getInt32(new int[] {FLOAT64}, 1))
          .hasMessageContaining("no Int32 variable has value reference 3");
    }
  }

  @Test
  void aWrongToken_isRefusedAtInstantiation() {
    assertThatThrownBy(
            () ->
                Fmi3Instance.instantiateCoSimulation(
                    fmu.fmu(), "x", "{not-the-token}", false, false, null, line -> {}))
        .isInstanceOf(Fmi3Exception.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void scheduledExecution_isRefused_byAnFmuWithoutIt() {
    assertThatThrownBy(
            () ->
                Fmi3Instance.instantiateScheduledExecution(
                    fmu.fmu(), "x", fmu.token(), () -> {}, line -> {}))
        .isInstanceOf(Fmi3Exception.class)
        .hasMessageContaining("does not implement");
  }

  @Test
  void twoInstances_keepTheirOwnValues() {
    try (Fmi3CoSimulation a = initialized();
        Fmi3CoSimulation b = initialized()) {
      a.values().setString(new int[] {STRING}, "first");
      b.values().setString(new int[] {STRING}, "second");

      assertThat(a.values().getString(out(STRING), 1)).containsExactly("first");
      assertThat(b.values().getString(out(STRING), 1)).containsExactly("second");
      assertThat(new String(a.values().getBinary(out(BINARY), 1)[0], StandardCharsets.ISO_8859_1))
          .hasSize(4);
    }
  }

  @Test
  void closingTheFmu_freesItsInstances_andRefusesFurtherCalls() {
    Fmi3CoSimulation cs = initialized();

    fmu.close();

    // Refused in Java: the proxy would otherwise call into unloaded code and crash the JVM.
    assertThatThrownBy(() -> cs.values().getFloat64(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> fmu.fmu().version()).isInstanceOf(IllegalStateException.class);
    cs.close();
  }
}
