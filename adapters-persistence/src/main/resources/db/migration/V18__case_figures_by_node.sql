-- What operators and /metrics ask of the cases: those running per node, those that ended lately,
-- and (for fair shares) those running per account, found through the account's open experiments.
CREATE INDEX experiment_cases_running_node_idx ON experiment_cases (node) WHERE status = 'RUNNING';
CREATE INDEX experiment_cases_finished_idx ON experiment_cases (finished_at)
    WHERE finished_at IS NOT NULL;
