-- Scoring v2 (spec/integrity.md "Scoring rules"): pattern_accuracy is the average precision over the
-- confidence ranking, no longer recall x precision, so it is stored; recall per ground-truth
-- pattern_type as {"cycle": {"counted": n, "found": k, "recall": k/n}, ...}.
-- Hits of the ranking walk equal instances_found (each hit finds one instance), so no column of their own.
ALTER TABLE evaluation_runs
    ADD COLUMN pattern_accuracy DOUBLE PRECISION CHECK (pattern_accuracy BETWEEN 0 AND 1),
    ADD COLUMN recall_by_type   JSONB;
