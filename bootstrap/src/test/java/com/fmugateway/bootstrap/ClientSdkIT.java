package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The client SDKs' own test suites ({@code clients/python}, {@code clients/js}) and the README's
 * curl walk-through of paying run as child processes against this gateway, sandbox payments
 * included. Where python3, node, curl or jq is missing they are skipped, unless {@code
 * FMUGW_TEST_REQUIRE_CLIENTS=true} (CI sets it) makes that a failure.
 */
class ClientSdkIT extends AbstractGatewayIT {

  private static final Duration SUITE_TIMEOUT = Duration.ofMinutes(10);
  private static final Path ROOT = repositoryRoot();
  private static final Path LOGS = Path.of("target", "client-sdk");

  /** A built FMU for the upload tests; the Maven build of adapters-fmi leaves it here. */
  private static final Path TEST_FMU =
      ROOT.resolve("adapters-fmi/target/classes/fmi/library/Counter.fmu");

  @Test
  void pythonClient_passesItsTestSuiteAgainstThisGateway() throws Exception {
    requireTool("python3", "-c", "import sys; sys.exit(sys.version_info < (3, 9))");
    String output =
        runSuite(
            "python",
            List.of("python3", "-m", "unittest", "discover", "-v", "-s", "clients/python/tests"));
    assertThat(output).contains("\nOK").doesNotContain("FMUGW_URL is not set");
  }

  @Test
  void javascriptClient_passesItsTestSuiteAgainstThisGateway() throws Exception {
    requireTool(
        "node", "-e", "process.exit(Number(process.versions.node.split('.')[0]) >= 18 ? 0 : 1)");
    String output = runSuite("js", List.of("node", "--test", "clients/js/test/"));
    assertThat(output).contains("# fail 0").doesNotContain("FMUGW_URL is not set");
  }

  @Test
  void readmePaymentWalkthrough_runsAsWritten() throws Exception {
    requireTool("curl", "--version");
    requireTool("jq", "--version");
    String walkthrough =
        firstBashBlockUnder("### Pay", Files.readString(ROOT.resolve("README.md")))
            .replace("localhost:8080", "localhost:" + port);
    Files.createDirectories(LOGS);
    Path script = LOGS.resolve("readme-pay.sh");
    Files.writeString(script, walkthrough);
    String output =
        runSuite(
            "readme-pay", List.of("bash", "-euo", "pipefail", script.toAbsolutePath().toString()));
    assertThat(output)
        .contains("\"title\":\"Payment Required\"")
        .contains("\"provider\":\"sandbox\"")
        .contains("\"paid_with\":\"payment_token\"")
        .contains("\n410\n")
        .endsWith("\n200\n");
  }

  private static String firstBashBlockUnder(String heading, String markdown) {
    int section = markdown.indexOf("\n" + heading + "\n");
    assertThat(section).as("README has a %s section", heading).isNotNegative();
    int start = markdown.indexOf("```bash\n", section) + "```bash\n".length();
    return markdown.substring(start, markdown.indexOf("\n```", start) + 1);
  }

  /** Runs one suite to its end (or its time limit) and fails with its whole output. */
  private String runSuite(String name, List<String> command) throws Exception {
    Files.createDirectories(LOGS);
    Path log = LOGS.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("FMUGW_"));
    env.put("FMUGW_URL", "http://localhost:" + port);
    if (Files.isRegularFile(TEST_FMU)) {
      env.put("FMUGW_TEST_FMU", TEST_FMU.toString());
    }
    // No __pycache__ in the source tree.
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    boolean finished = process.waitFor(SUITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!finished) {
      fail("%s did not finish within %s; its output:%n%s", command, SUITE_TIMEOUT, output);
    }
    if (process.exitValue() != 0) {
      fail("%s exited with %d; its output:%n%s", command, process.exitValue(), output);
    }
    return output;
  }

  private static void requireTool(String... probe) throws InterruptedException {
    String why = null;
    try {
      Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        why = probe[0] + " is too old for the client tests";
      }
    } catch (IOException e) {
      why = probe[0] + " is not on the PATH: " + e.getMessage();
    }
    if (why == null) {
      return;
    }
    if (Boolean.parseBoolean(System.getenv("FMUGW_TEST_REQUIRE_CLIENTS"))) {
      fail(why + " (FMUGW_TEST_REQUIRE_CLIENTS=true)");
    }
    Assumptions.abort(why);
  }

  /** The folder holding {@code clients/}: the reactor root, above bootstrap's own folder. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("clients")) && Files.isRegularFile(p.resolve("mvnw"))) {
        return p;
      }
    }
    throw new IllegalStateException("no clients/ folder above " + dir);
  }
}
