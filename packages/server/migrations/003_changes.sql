-- 003: the change feed. Every committed change (a referral event, a saved
-- plan, network register or outcome responses revision) gets one row here, in
-- the same transaction, written by a trigger on the table the change lands
-- in, and a NOTIFY on `links_changes` (payload: the seq) that PostgreSQL
-- delivers at commit to every listening server process. Rows carry ids and
-- versions only, never content. The trigger takes a transaction-level
-- advisory lock before numbering the change, so changes commit in seq order:
-- a reader that sees seq n has already seen every committed seq below n, and
-- `seq > cursor` never skips a change committed late.
CREATE TABLE IF NOT EXISTS changes (
  seq bigserial PRIMARY KEY,
  kind text NOT NULL,
  id text NOT NULL,
  practice_id text NOT NULL,
  version integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION links_record_change() RETURNS trigger AS $$
DECLARE
  change_kind text;
  change_id text;
  change_version integer;
  change_seq bigint;
BEGIN
  IF TG_TABLE_NAME = 'referral_events' THEN
    change_kind := 'referral';
    change_id := NEW.referral_id;
    change_version := NEW.version;
  ELSE
    change_kind := CASE NEW.kind
      WHEN 'links.plan' THEN 'plan'
      WHEN 'links.network-register' THEN 'network-register'
      WHEN 'links.outcome-responses' THEN 'outcomes'
      ELSE NULL
    END;
    IF change_kind IS NULL THEN
      RETURN NULL;
    END IF;
    change_id := NEW.id;
    change_version := NEW.revision;
  END IF;
  PERFORM pg_advisory_xact_lock(7158202);
  INSERT INTO changes (kind, id, practice_id, version) VALUES (change_kind, change_id, NEW.practice_id, change_version)
    RETURNING seq INTO change_seq;
  PERFORM pg_notify('links_changes', change_seq::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS referral_events_change ON referral_events;
CREATE TRIGGER referral_events_change AFTER INSERT ON referral_events
  FOR EACH ROW EXECUTE FUNCTION links_record_change();
DROP TRIGGER IF EXISTS documents_change ON documents;
CREATE TRIGGER documents_change AFTER INSERT ON documents
  FOR EACH ROW EXECUTE FUNCTION links_record_change();
