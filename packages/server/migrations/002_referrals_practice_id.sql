-- 002: a caseload page (one practice's referrals in id order, `… ORDER BY id
-- LIMIT n`) is an index range scan on (practice_id, id), not a walk of the
-- primary key filtering out every other practice's rows.
CREATE INDEX IF NOT EXISTS referrals_practice_id ON referrals (practice_id, id);
