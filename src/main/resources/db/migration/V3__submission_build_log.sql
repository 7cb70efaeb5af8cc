-- What a miner sees of its validation besides the verdict: scanner warnings and the bounded build log.
ALTER TABLE submissions
    ADD COLUMN validation_warnings TEXT,
    ADD COLUMN build_log           TEXT;
