-- Bittensor mode: a submission whose hotkey lost its uid (deregistered, or the uid went to another
-- hotkey) is 'deregistered': kept for history, never collected, run or weighted again. A hotkey that
-- registers again starts a new submission, so at most one non-deregistered row per hotkey.
ALTER TABLE submissions DROP CONSTRAINT submissions_status_check;
ALTER TABLE submissions ADD CONSTRAINT submissions_status_check
    CHECK (status IN ('pending', 'validating', 'validated', 'failed', 'disqualified', 'deregistered'));
ALTER TABLE submissions DROP CONSTRAINT submissions_one_per_hotkey;
CREATE UNIQUE INDEX submissions_one_per_hotkey ON submissions (tournament_id, hotkey)
    WHERE status <> 'deregistered';
