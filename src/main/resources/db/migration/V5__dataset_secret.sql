-- The dataset secret shared by every validator on this database (integrity.md "Dataset rules"):
-- one row, inserted by the first validator to start (INSERT ... ON CONFLICT DO NOTHING, then read
-- back), never updated. Unused when validator.dataset.secret is configured.
CREATE TABLE dataset_secret (
    id         SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    secret     TEXT        NOT NULL CHECK (length(secret) >= 16),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
