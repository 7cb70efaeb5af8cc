-- Tournament state (spec/lifecycle.md "Schema"). gen_random_uuid() is built in since PostgreSQL 13.

CREATE TABLE tournaments (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name                VARCHAR(200) NOT NULL,
    netuid              INTEGER      NOT NULL CHECK (netuid >= 0),
    status              VARCHAR(20)  NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'registration', 'active', 'scoring', 'completed', 'failed')),
    registration_start  TIMESTAMPTZ  NOT NULL,
    registration_end    TIMESTAMPTZ  NOT NULL,
    start_block         BIGINT       NOT NULL CHECK (start_block >= 0),
    end_block           BIGINT       NOT NULL,
    epoch_blocks        INTEGER      NOT NULL DEFAULT 360 CHECK (epoch_blocks > 0),
    test_networks       TEXT[]       NOT NULL DEFAULT '{}',
    baseline_repository VARCHAR(500),
    baseline_version    CHAR(40),
    config              JSONB        NOT NULL DEFAULT '{}'::jsonb,
    failure_reason      TEXT,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at        TIMESTAMPTZ,
    CONSTRAINT tournaments_registration_window CHECK (registration_end >= registration_start),
    CONSTRAINT tournaments_block_window CHECK (end_block >= start_block)
);
CREATE INDEX tournaments_netuid_idx ON tournaments (netuid);
CREATE INDEX tournaments_status_idx ON tournaments (status);
-- At most one tournament in registration or active per netuid.
CREATE UNIQUE INDEX tournaments_one_open_per_netuid ON tournaments (netuid)
    WHERE status IN ('registration', 'active');

CREATE TABLE submissions (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tournament_id    UUID         NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
    hotkey           VARCHAR(100) NOT NULL,
    uid              INTEGER      NOT NULL,
    repository_url   VARCHAR(500) NOT NULL,
    commit_hash      CHAR(40)     NOT NULL CHECK (commit_hash ~ '^[0-9a-f]{40}$'),
    docker_image_tag VARCHAR(200),
    image_digest     VARCHAR(100),
    is_baseline      BOOLEAN      NOT NULL DEFAULT FALSE,
    status           VARCHAR(20)  NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'validating', 'validated', 'failed', 'disqualified')),
    validation_error TEXT,
    submitted_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    validated_at     TIMESTAMPTZ,
    CONSTRAINT submissions_one_per_hotkey UNIQUE (tournament_id, hotkey)
);
CREATE INDEX submissions_tournament_idx ON submissions (tournament_id);
CREATE INDEX submissions_hotkey_idx ON submissions (hotkey);

CREATE TABLE evaluation_runs (
    id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    submission_id          UUID        NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    epoch_number           INTEGER     NOT NULL CHECK (epoch_number >= 0),
    network                VARCHAR(50) NOT NULL,
    test_date              DATE        NOT NULL,
    status                 VARCHAR(20) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'running', 'completed', 'failed', 'timeout')),
    execution_time_seconds DOUBLE PRECISION,
    feature_time_seconds   DOUBLE PRECISION,
    pattern_time_seconds   DOUBLE PRECISION,
    exit_code              INTEGER,
    data_correctness       BOOLEAN,
    pattern_recall         DOUBLE PRECISION,
    pattern_precision      DOUBLE PRECISION,
    novelty_score          DOUBLE PRECISION,
    performance_score      DOUBLE PRECISION,
    final_score            DOUBLE PRECISION,
    patterns_reported      INTEGER,
    patterns_valid         INTEGER,
    instances_expected     INTEGER,
    instances_found        INTEGER,
    failure_kind           VARCHAR(10) CHECK (failure_kind IN ('miner', 'platform')),
    attempts               INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    log_excerpt            VARCHAR(262144),
    error_message          TEXT,
    started_at             TIMESTAMPTZ,
    completed_at           TIMESTAMPTZ,
    CONSTRAINT evaluation_runs_one_per_key UNIQUE (submission_id, epoch_number, network, test_date)
);
CREATE INDEX evaluation_runs_status_idx ON evaluation_runs (status);

CREATE TABLE tournament_results (
    id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tournament_id          UUID         NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
    hotkey                 VARCHAR(100) NOT NULL,
    uid                    INTEGER      NOT NULL,
    pattern_accuracy_score DOUBLE PRECISION NOT NULL DEFAULT 0,
    data_correctness_score DOUBLE PRECISION NOT NULL DEFAULT 0,
    performance_score      DOUBLE PRECISION NOT NULL DEFAULT 0,
    final_score            DOUBLE PRECISION NOT NULL DEFAULT 0,
    rank                   INTEGER,
    beat_baseline          BOOLEAN      NOT NULL DEFAULT FALSE,
    is_winner              BOOLEAN      NOT NULL DEFAULT FALSE,
    runs_counted           INTEGER      NOT NULL DEFAULT 0,
    weight                 DOUBLE PRECISION NOT NULL DEFAULT 0,
    calculated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT tournament_results_one_per_hotkey UNIQUE (tournament_id, hotkey)
);
CREATE INDEX tournament_results_score_idx ON tournament_results (tournament_id, final_score DESC);
