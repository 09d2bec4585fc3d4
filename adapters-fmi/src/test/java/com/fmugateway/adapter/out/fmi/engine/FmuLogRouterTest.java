package com.fmugateway.adapter.out.fmi.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class FmuLogRouterTest {

  private static final String BRIDGE =
      "[FMI native bridge] status = Error, instanceName = run-1, category = logError: ";

  private final ByteArrayOutputStream passedThrough = new ByteArrayOutputStream();
  private final FmuLogRouter router = new FmuLogRouter(passedThrough::writeBytes);

  @Test
  void aBridgeLineGoesToTheLogOfItsInstance() {
    FmuLog one = new FmuLog();
    FmuLog two = new FmuLog();
    router.register("run-1", one);
    router.register("run-2", two);

    router.accept((BRIDGE + "T must be positive, got -1\n").getBytes(UTF_8));

    assertThat(one.lines()).containsExactly("[Error] logError: T must be positive, got -1");
    assertThat(two.lines()).isEmpty();
    assertThat(passedThrough.toByteArray()).isEmpty();
  }

  @Test
  void theCategoryEndsAtTheFirstColon_andTheMessageKeepsTheRest() {
    FmuLog log = new FmuLog();
    router.register("run-1", log);

    router.accept(
        ("[FMI native bridge] status = Warning, instanceName = run-1, category = logEvents: "
                + "at t = 0.5: bounce, category = none: done\n")
            .getBytes(UTF_8));

    assertThat(log.lines())
        .containsExactly("[Warning] logEvents: at t = 0.5: bounce, category = none: done");
  }

  @Test
  void aLineWithAStatusThatIsNotOneWord_passesThrough() {
    router.register("run-1", new FmuLog());
    String line = "[FMI native bridge] status = not ok, instanceName = run-1, category = c: m\n";

    router.accept(line.getBytes(UTF_8));

    assertThat(passedThrough.toString(UTF_8)).isEqualTo(line);
  }

  @Test
  void aLineArrivingInPiecesIsRoutedOnceComplete() {
    FmuLog log = new FmuLog();
    router.register("run-1", log);

    router.accept((BRIDGE + "T must be posi").getBytes(UTF_8));
    assertThat(log.lines()).isEmpty();
    router.accept("tive, got -1\n".getBytes(UTF_8));

    assertThat(log.lines()).containsExactly("[Error] logError: T must be positive, got -1");
  }

  @Test
  void otherOutputAndLinesOfUnknownInstancesPassThroughByteForByte() {
    router.register("run-1", new FmuLog());
    String other =
        "plain printf from somewhere\n"
            + "[FMI native bridge] status = OK, instanceName = someone-else, category = c: m\n";

    router.accept(other.getBytes(UTF_8));

    assertThat(passedThrough.toString(UTF_8)).isEqualTo(other);
  }

  @Test
  void afterTheRegistrationClosesTheInstancesLinesPassThrough() {
    FmuLog log = new FmuLog();
    router.register("run-1", log).close();

    router.accept((BRIDGE + "late\n").getBytes(UTF_8));

    assertThat(log.lines()).isEmpty();
    assertThat(passedThrough.toString(UTF_8)).isEqualTo(BRIDGE + "late\n");
  }

  @Test
  void anInstanceNameCannotBeRegisteredTwice() {
    router.register("run-1", new FmuLog());

    assertThatIllegalStateException().isThrownBy(() -> router.register("run-1", new FmuLog()));
  }
}
