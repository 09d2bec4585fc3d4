package com.fmugateway.adapter.out.persistence.database;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Child-process entry point for {@link EmbeddedDatabaseIT}: starts the embedded server, writes a
 * row, announces itself and waits to be killed with SIGKILL, which leaves the postmaster orphaned.
 */
public final class OrphanMaker {

  private OrphanMaker() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0);
    DatabaseEndpoint e = db.endpoint();
    try (var c = DriverManager.getConnection(e.jdbcUrl(), e.username(), e.password());
        var s = c.createStatement()) {
      s.execute("CREATE TABLE survivor (note TEXT)");
      s.execute("INSERT INTO survivor VALUES ('written before kill -9')");
    }
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
