-- Quartz creates its lock rows lazily, and two validators starting on an empty database race to
-- insert them (one fails with a duplicate key). Create them up front for the configured scheduler
-- name (spring.quartz.properties.org.quartz.scheduler.instanceName).
INSERT INTO qrtz_locks (sched_name, lock_name) VALUES
    ('subnet2-validator', 'TRIGGER_ACCESS'),
    ('subnet2-validator', 'STATE_ACCESS')
ON CONFLICT DO NOTHING;
