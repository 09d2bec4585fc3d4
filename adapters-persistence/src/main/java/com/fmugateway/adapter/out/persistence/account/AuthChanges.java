package com.fmugateway.adapter.out.persistence.account;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Keeps every gateway's {@link AuthCache} honest, through PostgreSQL's LISTEN/NOTIFY. Each gateway
 * holds one connection of its own (named {@code fmugw-auth-<id>}, so the others can see it in
 * {@code pg_stat_activity}) listening on {@value #CHANGED}; a change of standing is committed with
 * a notification on it, and every listener empties its cache and then acknowledges on {@value
 * #ACK}. The changing gateway answers only once every listener present before the change has
 * acknowledged (or {@code ackTimeout} passed: a listener that cannot answer is logged), so a key
 * revoked on one gateway fails on the very next request to any of them. While its connection is
 * down a gateway does not use its cache at all.
 */
public final class AuthChanges implements AutoCloseable {

  static final String CHANGED = "fmugw_auth_changed";
  static final String ACK = "fmugw_auth_ack";
  static final String LISTENER_PREFIX = "fmugw-auth-";

  private static final System.Logger LOG = System.getLogger(AuthChanges.class.getName());

  private final DatabaseClient db;
  private final PostgresqlConnectionFactory listenerConnections;
  private final AuthCache cache;
  private final String name;
  private final Duration ackTimeout;
  private final Map<String, Set<String>> awaited = new ConcurrentHashMap<>();
  private final Map<String, Sinks.Empty<Void>> acknowledged = new ConcurrentHashMap<>();
  private volatile Disposable listening;

  /**
   * @param listenerConnections connections named {@link #listenerName(String)} of {@code id}
   */
  public AuthChanges(
      DatabaseClient db,
      PostgresqlConnectionFactory listenerConnections,
      AuthCache cache,
      String id,
      Duration ackTimeout) {
    this.db = db;
    this.listenerConnections = listenerConnections;
    this.cache = cache;
    this.name = listenerName(id);
    this.ackTimeout = ackTimeout;
  }

  /** The application name of gateway {@code id}'s listening connection. */
  public static String listenerName(String id) {
    return LISTENER_PREFIX + id;
  }

  /** Starts listening, and listening again after the connection is lost. */
  public void start() {
    listening =
        Flux.usingWhen(listenerConnections.create(), this::listen, PostgresqlConnection::close)
            .doFinally(signal -> cache.enabled(false))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                    .maxBackoff(Duration.ofSeconds(5))
                    .doBeforeRetry(
                        retry ->
                            LOG.log(
                                System.Logger.Level.WARNING,
                                "Not listening for API key changes ("
                                    + retry.failure()
                                    + "); keys are read from the database until it is back")))
            .repeat()
            .subscribe();
  }

  @Override
  public void close() {
    Disposable current = listening;
    if (current != null) {
      current.dispose();
    }
    cache.enabled(false);
  }

  /**
   * Runs {@code change} (given the change's id, which it must pass to {@code pg_notify(CHANGED,
   * id)} in its own transaction) and completes once every gateway listening before it has emptied
   * its cache.
   */
  <T> Mono<T> announced(Function<String, Mono<T>> change) {
    String id = UUID.randomUUID().toString();
    return Mono.usingWhen(
        listeners()
            .doOnNext(
                names -> {
                  awaited.put(id, ConcurrentHashMap.newKeySet());
                  awaited.get(id).addAll(names);
                  acknowledged.put(id, Sinks.empty());
                })
            .thenReturn(id),
        changeId ->
            change.apply(changeId).flatMap(result -> allAcknowledged(changeId).thenReturn(result)),
        this::forget,
        (changeId, error) -> forget(changeId),
        this::forget);
  }

  private Mono<Set<String>> listeners() {
    return db.sql(
            "SELECT application_name FROM pg_stat_activity"
                + " WHERE datname = current_database() AND application_name LIKE :prefix")
        .bind("prefix", LISTENER_PREFIX + "%")
        .map(row -> row.get("application_name", String.class))
        .all()
        .collect(java.util.stream.Collectors.toSet());
  }

  private Mono<Void> allAcknowledged(String id) {
    Set<String> waiting = awaited.get(id);
    if (waiting == null || waiting.isEmpty()) {
      return Mono.empty();
    }
    return acknowledged
        .get(id)
        .asMono()
        .timeout(ackTimeout)
        .onErrorResume(
            e -> {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "No acknowledgement of API key change "
                      + id
                      + " from "
                      + awaited.getOrDefault(id, Set.of())
                      + " within "
                      + ackTimeout
                      + "; those gateways may serve the old standing until they reconnect");
              return Mono.empty();
            });
  }

  private Mono<Void> forget(String id) {
    return Mono.fromRunnable(
        () -> {
          awaited.remove(id);
          acknowledged.remove(id);
        });
  }

  /**
   * Subscribes to the connection's notifications first (they are not replayed), then listens, and
   * only then trusts the cache.
   */
  private Flux<Void> listen(PostgresqlConnection connection) {
    Mono<Void> subscribe =
        execute(connection, "LISTEN " + CHANGED)
            .then(execute(connection, "LISTEN " + ACK))
            .then(Mono.fromRunnable(() -> cache.enabled(true)));
    return Flux.merge(
        // The driver drops the listener on overflow when its subscriber lacks demand (a burst of
        // changes and acknowledgements from many gateways outruns concatMap's prefetch): buffer
        // here, so every notification is taken at once and handled in order.
        connection
            .getNotifications()
            .onBackpressureBuffer()
            .concatMap(notification -> heard(connection, notification)),
        subscribe.thenMany(Flux.empty()));
  }

  private Mono<Void> heard(PostgresqlConnection connection, Notification notification) {
    String payload = notification.getParameter();
    if (payload == null) {
      return Mono.empty();
    }
    if (CHANGED.equals(notification.getName())) {
      cache.clear();
      return connection
          .createStatement("SELECT pg_notify('" + ACK + "', $1)")
          .bind(0, payload + " " + name)
          .execute()
          .flatMap(Result::getRowsUpdated)
          .then()
          .onErrorResume(e -> Mono.empty());
    }
    int space = payload.indexOf(' ');
    if (space > 0) {
      String id = payload.substring(0, space);
      Set<String> waiting = awaited.get(id);
      if (waiting != null) {
        waiting.remove(payload.substring(space + 1));
        Sinks.Empty<Void> done = acknowledged.get(id);
        if (waiting.isEmpty() && done != null) {
          done.tryEmitEmpty();
        }
      }
    }
    return Mono.empty();
  }

  private static Mono<Void> execute(PostgresqlConnection connection, String sql) {
    return connection.createStatement(sql).execute().flatMap(Result::getRowsUpdated).then();
  }
}
