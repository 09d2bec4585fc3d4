package com.fmugateway.adapter.out.persistence.analytics;

/**
 * The analytics queries. A period is bound as {@code :start} (inclusive) and {@code :end}
 * (exclusive) instants at UTC midnight; days are UTC dates of timestamps.
 */
final class AnalyticsSql {

  private AnalyticsSql() {}

  /** Every day from {@code :from} to {@code :to}, zeros where nothing happened. */
  static final String DAILY =
      """
      WITH days AS (
          SELECT CAST(:from AS date) + n AS day
          FROM generate_series(0, CAST(:to AS date) - CAST(:from AS date)) AS n
      ), run_days AS (
          SELECT (created_at AT TIME ZONE 'UTC')::date AS day,
                 COUNT(*) AS runs,
                 COUNT(*) FILTER (WHERE status = 'SUCCEEDED') AS succeeded,
                 COUNT(*) FILTER (WHERE status = 'FAILED') AS failed,
                 COUNT(DISTINCT account_id) AS accounts
          FROM runs
          WHERE created_at >= :start AND created_at < :end
          GROUP BY 1
      ), credit_days AS (
          SELECT (created_at AT TIME ZONE 'UTC')::date AS day, -SUM(amount) AS spent
          FROM ledger_entries
          WHERE kind = 'CAPTURE' AND created_at >= :start AND created_at < :end
          GROUP BY 1
      )
      SELECT d.day,
             COALESCE(r.runs, 0) AS runs,
             COALESCE(r.succeeded, 0) AS succeeded,
             COALESCE(r.failed, 0) AS failed,
             COALESCE(r.accounts, 0) AS accounts,
             COALESCE(c.spent, 0)::bigint AS credits_spent
      FROM days d
      LEFT JOIN run_days r ON r.day = d.day
      LEFT JOIN credit_days c ON c.day = d.day
      ORDER BY d.day
      """;

  /** Paid checkouts by the day they were paid, and settled x402 payments (rail X402, a run). */
  static final String CASH =
      """
      SELECT day, method, purpose, currency, SUM(amount)::bigint AS amount,
             SUM(payments)::bigint AS payments
      FROM (
          SELECT (settled_at AT TIME ZONE 'UTC')::date AS day, method, purpose,
                 lower(currency) AS currency, amount_minor AS amount, 1 AS payments
          FROM payment_sessions
          WHERE status = 'PAID' AND settled_at >= :start AND settled_at < :end
          UNION ALL
          SELECT (ended_at AT TIME ZONE 'UTC')::date, 'X402', 'RUN', lower(currency),
                 amount_minor, 1
          FROM x402_payments
          WHERE state = 'SETTLED' AND ended_at >= :start AND ended_at < :end
      ) AS paid
      GROUP BY 1, 2, 3, 4
      ORDER BY 1, 2, 3, 4
      """;

  static final String ACCOUNTS =
      """
      SELECT
          (SELECT COUNT(*) FROM accounts
           WHERE created_at >= :start AND created_at < :end) AS created,
          (SELECT COUNT(DISTINCT account_id) FROM runs
           WHERE created_at >= :start AND created_at < :end) AS active,
          (SELECT COUNT(*) FROM (
               SELECT account_id FROM runs
               WHERE created_at >= :start AND created_at < :end
               GROUP BY account_id
               HAVING COUNT(DISTINCT (created_at AT TIME ZONE 'UTC')::date) >= 2) AS r) AS repeating,
          (SELECT COUNT(DISTINCT account_id) FROM (
               SELECT account_id FROM payment_sessions
               WHERE status = 'PAID' AND settled_at >= :start AND settled_at < :end
               UNION
               SELECT account_id FROM x402_payments
               WHERE state = 'SETTLED' AND ended_at >= :start AND ended_at < :end) AS p) AS paying
      """;

  /**
   * The accounts that got a 402 in the period, and their checkouts: the ones offered with those
   * 402s, and the ones they opened after their first 402 until the period's end.
   */
  static final String FUNNEL =
      """
      WITH asked AS (
          SELECT account_id, MIN(at) AS first_at, COUNT(*) AS answers
          FROM payment_requirements
          WHERE at >= :start AND at < :end
          GROUP BY account_id
      ), opened AS (
          SELECT s.id, s.account_id, s.purpose, s.status, s.settled_at
          FROM payment_sessions s
          JOIN asked a ON a.account_id = s.account_id
          WHERE (s.created_at >= a.first_at AND s.created_at < :end)
             OR s.id IN (SELECT checkout_session_id FROM payment_requirements
                         WHERE at >= :start AND at < :end)
      ), paid AS (
          SELECT * FROM opened WHERE status = 'PAID'
      ), used AS (
          SELECT p.id, p.account_id FROM paid p
          WHERE (p.purpose = 'RUN' AND EXISTS (
                     SELECT 1 FROM payment_tokens t
                     WHERE t.session_id = p.id AND t.state = 'CONSUMED'))
             OR (p.purpose = 'CREDIT_PACK' AND EXISTS (
                     SELECT 1 FROM runs r
                     WHERE r.account_id = p.account_id AND r.status = 'SUCCEEDED'
                       AND r.created_at >= p.settled_at))
      )
      SELECT
          (SELECT COALESCE(SUM(answers), 0) FROM asked)::bigint AS asked,
          (SELECT COUNT(*) FROM asked) AS asked_accounts,
          (SELECT COUNT(*) FROM opened) AS opened,
          (SELECT COUNT(DISTINCT account_id) FROM opened) AS opened_accounts,
          (SELECT COUNT(*) FROM paid) AS paid,
          (SELECT COUNT(DISTINCT account_id) FROM paid) AS paid_accounts,
          (SELECT COUNT(*) FROM used) AS used,
          (SELECT COUNT(DISTINCT account_id) FROM used) AS used_accounts
      """;

  /** Models with at least one failed run in the period. */
  static final String FAILURES_BY_MODEL =
      """
      SELECT r.fmu_id, f.model_name, COUNT(*) AS runs,
             COUNT(*) FILTER (WHERE r.status = 'FAILED') AS failed
      FROM runs r
      LEFT JOIN fmus f ON f.id = r.fmu_id
      WHERE r.created_at >= :start AND r.created_at < :end
      GROUP BY r.fmu_id, f.model_name
      HAVING COUNT(*) FILTER (WHERE r.status = 'FAILED') > 0
      ORDER BY failed DESC, runs DESC, r.fmu_id
      LIMIT :limit
      """;

  static final String FAILURES_BY_CAUSE =
      """
      SELECT COALESCE(failure_cause, 'UNKNOWN') AS cause, COUNT(*) AS failures
      FROM runs
      WHERE status = 'FAILED' AND created_at >= :start AND created_at < :end
      GROUP BY 1
      ORDER BY failures DESC, cause
      """;

  static final String TOP_MODELS =
      """
      SELECT r.fmu_id, f.model_name, COUNT(*) AS runs,
             COUNT(*) FILTER (WHERE r.status = 'SUCCEEDED') AS succeeded,
             COUNT(DISTINCT r.account_id) AS accounts,
             COALESCE(SUM(r.cost_credits), 0)::bigint AS credits_spent
      FROM runs r
      LEFT JOIN fmus f ON f.id = r.fmu_id
      WHERE r.created_at >= :start AND r.created_at < :end
      GROUP BY r.fmu_id, f.model_name
      ORDER BY runs DESC, r.fmu_id
      LIMIT :limit
      """;
}
