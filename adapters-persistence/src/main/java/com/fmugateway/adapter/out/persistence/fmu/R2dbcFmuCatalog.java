package com.fmugateway.adapter.out.persistence.fmu;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.FmuRecord;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.fmu.port.out.FmuCatalog;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploaded FMUs in PostgreSQL; every query is scoped to the owning account.
 *
 * <p>A record, once registered, is never changed or deleted, so {@link #find} answers from the
 * records this gateway has registered or read before, without a round trip; an id it has not seen
 * is read from the database each time, so an upload made through another gateway is found on its
 * first lookup here. Should records ever change or go away, this cache must hear of it from every
 * gateway first, as {@code AuthCache} does.
 */
public final class R2dbcFmuCatalog implements FmuCatalog {

  /** Past this many records the cache starts again empty: a bound, not an eviction policy. */
  static final int MAX_KNOWN = 20_000;

  private static final String COLUMNS =
      "id, account_id, sha256, model_name, fmi_version, interfaces, size_bytes, created_at";

  private final DatabaseClient db;
  private final Map<FmuId, FmuRecord> known = new ConcurrentHashMap<>();

  public R2dbcFmuCatalog(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<FmuRecord> register(FmuRecord candidate) {
    // ON CONFLICT keeps concurrent uploads of the same bytes to one record without a lock.
    Mono<FmuRecord> inserted =
        db.sql(
                "INSERT INTO fmus ("
                    + COLUMNS
                    + ") VALUES (:id, :accountId, :sha256, :modelName, :fmiVersion, :interfaces,"
                    + " :size,"
                    + " :createdAt) ON CONFLICT (account_id, sha256) DO NOTHING RETURNING "
                    + COLUMNS)
            .bind("id", candidate.id().value())
            .bind("accountId", candidate.owner().value())
            .bind("sha256", candidate.sha256().hex())
            .bind("modelName", candidate.modelName())
            .bind("fmiVersion", candidate.fmiVersion())
            .bind("interfaces", codes(candidate.interfaces()))
            .bind("size", candidate.sizeBytes())
            .bind("createdAt", candidate.createdAt().atOffset(ZoneOffset.UTC))
            .map(R2dbcFmuCatalog::toRecord)
            .one();
    Mono<FmuRecord> existing =
        db.sql("SELECT " + COLUMNS + " FROM fmus WHERE account_id = :accountId AND sha256 = :sha")
            .bind("accountId", candidate.owner().value())
            .bind("sha", candidate.sha256().hex())
            .map(R2dbcFmuCatalog::toRecord)
            .one();
    return inserted.switchIfEmpty(existing).doOnNext(this::remember);
  }

  @Override
  public Mono<FmuRecord> find(AccountId owner, FmuId id) {
    return Mono.defer(
        () -> {
          FmuRecord hit = known.get(id);
          if (hit != null) {
            // The id is the table's key: another account's id is unknown to this owner.
            return hit.owner().equals(owner) ? Mono.just(hit) : Mono.empty();
          }
          return db.sql(
                  "SELECT " + COLUMNS + " FROM fmus WHERE id = :id AND account_id = :accountId")
              .bind("id", id.value())
              .bind("accountId", owner.value())
              .map(R2dbcFmuCatalog::toRecord)
              .one()
              .doOnNext(this::remember);
        });
  }

  @Override
  public Flux<FmuRecord> list(AccountId owner) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM fmus WHERE account_id = :accountId ORDER BY created_at DESC, id")
        .bind("accountId", owner.value())
        .map(R2dbcFmuCatalog::toRecord)
        .all();
  }

  @Override
  public Flux<FmuRecord> list(AccountId owner, long offset, int limit) {
    // id breaks ties between uploads of the same instant, so pages never repeat or skip one.
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM fmus WHERE account_id = :accountId ORDER BY created_at DESC, id"
                + " OFFSET :offset LIMIT :limit")
        .bind("accountId", owner.value())
        .bind("offset", offset)
        .bind("limit", limit)
        .map(R2dbcFmuCatalog::toRecord)
        .all();
  }

  @Override
  public Mono<Long> count(AccountId owner) {
    return db.sql("SELECT COUNT(*) AS n FROM fmus WHERE account_id = :accountId")
        .bind("accountId", owner.value())
        .map(row -> row.get("n", Long.class))
        .one();
  }

  private void remember(FmuRecord record) {
    if (known.size() >= MAX_KNOWN) {
      known.clear();
    }
    known.put(record.id(), record);
  }

  /** {@code cs,me}: the interfaces' codes in order. */
  private static String codes(Set<FmuInterface> interfaces) {
    return interfaces.stream().sorted().map(FmuInterface::code).collect(Collectors.joining(","));
  }

  private static Set<FmuInterface> interfaces(String codes) {
    if (codes == null || codes.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(codes.split(","))
        .map(FmuInterface::fromCode)
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
  }

  private static FmuRecord toRecord(Readable row) {
    return new FmuRecord(
        new FmuId(row.get("id", String.class)),
        new AccountId(row.get("account_id", UUID.class)),
        new Sha256(row.get("sha256", String.class)),
        row.get("model_name", String.class),
        row.get("fmi_version", String.class),
        interfaces(row.get("interfaces", String.class)),
        row.get("size_bytes", Long.class),
        row.get("created_at", OffsetDateTime.class).toInstant());
  }
}
