-- 001: practices, people, referral event streams with their projection,
-- revisioned documents (plans, network registers, outcome responses),
-- idempotency keys and the audit trail.
CREATE TABLE IF NOT EXISTS practices (
  id text PRIMARY KEY,
  name text NOT NULL,
  list_size integer NOT NULL,
  cohort text NOT NULL,
  locality text
);

CREATE TABLE IF NOT EXISTS referral_events (
  seq bigserial PRIMARY KEY,
  referral_id text NOT NULL,
  version integer NOT NULL,
  event_id text NOT NULL,
  practice_id text NOT NULL,
  event jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  UNIQUE (referral_id, version),
  UNIQUE (referral_id, event_id)
);

CREATE TABLE IF NOT EXISTS referrals (
  id text PRIMARY KEY,
  practice_id text NOT NULL,
  status text NOT NULL,
  version integer NOT NULL,
  state jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS referrals_practice_status ON referrals (practice_id, status, id);

CREATE TABLE IF NOT EXISTS documents (
  kind text NOT NULL,
  id text NOT NULL,
  revision integer NOT NULL,
  practice_id text NOT NULL,
  body jsonb NOT NULL,
  saved_at timestamptz NOT NULL,
  saved_by text NOT NULL,
  PRIMARY KEY (kind, id, revision)
);
CREATE INDEX IF NOT EXISTS documents_practice ON documents (kind, practice_id, id);

CREATE TABLE IF NOT EXISTS idempotency_keys (
  user_id text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE IF NOT EXISTS audit_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id text NOT NULL,
  role text NOT NULL,
  practice_id text,
  action text NOT NULL,
  resource text NOT NULL,
  target_id text,
  outcome integer NOT NULL
);

-- The audit trail is append-only: the database itself refuses updates and deletes.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
