-- Every attempt to set weights on chain (bittensor mode), and the v2 commits still to be revealed.
CREATE TABLE weight_attempts (
    id              BIGSERIAL PRIMARY KEY,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    netuid          INTEGER NOT NULL,
    block           BIGINT NOT NULL,
    call            TEXT NOT NULL,
    uids            INTEGER[] NOT NULL,
    weights         INTEGER[] NOT NULL,
    version_key     BIGINT NOT NULL,
    reveal_round    BIGINT,
    nonce           BIGINT,
    tx_hash         TEXT,
    outcome         TEXT NOT NULL CHECK (outcome IN ('submitted', 'confirmed', 'failed', 'skipped', 'dry-run')),
    reason          TEXT,
    error           TEXT,
    confirmed_block BIGINT,
    tournament_id   UUID,
    epoch_number    BIGINT
);
CREATE INDEX weight_attempts_recent ON weight_attempts (id DESC);
CREATE INDEX weight_attempts_submitted ON weight_attempts (outcome) WHERE outcome = 'submitted';

CREATE TABLE weight_reveals (
    commit_attempt_id BIGINT PRIMARY KEY REFERENCES weight_attempts (id),
    netuid            INTEGER NOT NULL,
    uids              INTEGER[] NOT NULL,
    weights           INTEGER[] NOT NULL,
    salt              INTEGER[] NOT NULL,
    version_key       BIGINT NOT NULL,
    reveal_attempt_id BIGINT REFERENCES weight_attempts (id),
    status            TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'revealed', 'missed')),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
