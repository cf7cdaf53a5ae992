-- 004: the projection row keeps a referral's summary: core's state without
-- `timeline` (the events, already in referral_events) and `notes` (free
-- text), the two parts that grow with every event. An append reads and
-- rewrites a few hundred bytes however long the stream; reading one referral
-- replays its stored stream for the full state.
UPDATE referrals SET state = state - 'timeline' - 'notes' WHERE state ? 'timeline' OR state ? 'notes';
-- Room on each page for the updated row, so an append's update of the
-- projection is a heap-only (HOT) update: the indexes on practice, status
-- and id are not touched when only the state, version and time change.
ALTER TABLE referrals SET (fillfactor = 70);
