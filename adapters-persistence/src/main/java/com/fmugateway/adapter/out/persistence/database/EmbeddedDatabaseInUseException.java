package com.fmugateway.adapter.out.persistence.database;

import java.nio.file.Path;

/** Refusal to start: another running gateway owns the embedded database's data directory. */
public final class EmbeddedDatabaseInUseException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  EmbeddedDatabaseInUseException(Path dataDir) {
    super(
        "the embedded database in "
            + dataDir
            + " is in use by another running gateway; stop it, or give this one another"
            + " FMUGW_DATABASE_EMBEDDED_DATA_DIR");
  }
}
