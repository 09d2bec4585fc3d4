package com.fmugateway.adapter.out.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIT {

  @TempDir Path dataDir;

  @Test
  void dataAndDurabilitySettingsSurviveACleanRestart() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
      execute(db, "CREATE TABLE kept (v INT)", "INSERT INTO kept VALUES (42)");
      assertThat(query(db, "SHOW fsync")).isEqualTo("on");
      assertThat(query(db, "SHOW synchronous_commit")).isEqualTo("on");
    }
    assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();

    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
      assertThat(query(db, "SELECT v FROM kept")).isEqualTo("42");
    }
  }

  @Test
  void aDisposableServersDataFolderIsGoneOnceItStops() throws Exception {
    Path folder = dataDir.resolve("disposable");
    try (EmbeddedDatabase db = EmbeddedDatabase.startDisposable(folder)) {
      execute(db, "CREATE TABLE scratch (v INT)");
      assertThat(folder.resolve("PG_VERSION")).exists();
    }
    assertThat(folder).doesNotExist();
  }

  @Test
  void givenServerOrphanedByKilledGateway_start_stopsItAndKeepsTheData() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanMaker.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    try (var out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        // skip the child's start-up log
      }
      assertThat(line).as("child gateway announced its database").isEqualTo("READY");
    }
    long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0));

    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
        .as("the postmaster outlives a SIGKILLed gateway")
        .contains(true);

    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
      assertThat(query(db, "SELECT note FROM survivor")).isEqualTo("written before kill -9");
      assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
  }

  @Test
  void givenDataDirOwnedByRunningGateway_start_refusesWithAClearMessage() {
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, 0)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, 0))
          .hasMessageContaining("in use by another running gateway");
    }
  }

  private static void execute(EmbeddedDatabase db, String... statements) throws Exception {
    DatabaseEndpoint e = db.endpoint();
    try (var c = DriverManager.getConnection(e.jdbcUrl(), e.username(), e.password());
        var s = c.createStatement()) {
      for (String sql : List.of(statements)) {
        s.execute(sql);
      }
    }
  }

  private static String query(EmbeddedDatabase db, String sql) throws Exception {
    DatabaseEndpoint e = db.endpoint();
    try (var c = DriverManager.getConnection(e.jdbcUrl(), e.username(), e.password());
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
