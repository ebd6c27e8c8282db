ALTER TABLE "events" ADD COLUMN "chain_seq" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD COLUMN "certificate_code" text DEFAULT upper(substr(md5(gen_random_uuid()::text), 1, 16)) NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "events_chain_idx" ON "events" USING btree ("subject_id","chain_seq");--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_certificate_code_unique" UNIQUE("certificate_code");
--> statement-breakpoint
-- hand-written:
-- The hash chain of events (docs/notes/evidence.md). The canonical serialization of one event: a JSON array
-- of text values, in this order. lib/audit/event-chain.ts rebuilds the same text in JavaScript from the
-- row's columns and checks every hash without trusting these functions.
CREATE OR REPLACE FUNCTION scp_event_canonical(e events) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT json_build_array('scp-event-v1', e.chain_seq::text, e.prev_hash, e.id::text, e.type,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.user_id::text, e.account_id::text,
    e.subject_type, e.subject_id::text, e.subject_public_id, e.data::text, e.ip, e.user_agent)::text
$$;--> statement-breakpoint
-- Every insert, by any code path, joins its subject's chain. The advisory lock (held to the commit) makes
-- concurrent writers for one subject take turns, and each then reads the chain's end as committed
-- (READ COMMITTED: a fresh snapshot per statement); the unique index (subject_id, chain_seq) is the backstop.
CREATE OR REPLACE FUNCTION scp_chain_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq integer;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('scp_events:' || coalesce(NEW.subject_id::text, '-'), 0));
  IF NEW.subject_id IS NULL THEN
    SELECT chain_seq, hash INTO last_seq, last_hash FROM events WHERE subject_id IS NULL ORDER BY chain_seq DESC NULLS LAST LIMIT 1;
  ELSE
    SELECT chain_seq, hash INTO last_seq, last_hash FROM events WHERE subject_id = NEW.subject_id ORDER BY chain_seq DESC NULLS LAST LIMIT 1;
  END IF;
  NEW.chain_seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := encode(sha256(convert_to(scp_event_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER events_chain BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION scp_chain_event();--> statement-breakpoint
-- Existing events: chained per subject in the order they happened.
DO $$
DECLARE
  r record;
  cur events;
  subject uuid;
  started boolean := false;
  seq integer := 0;
  prev text;
BEGIN
  FOR r IN SELECT id, subject_id FROM events ORDER BY subject_id NULLS FIRST, occurred_at, id LOOP
    IF NOT started OR r.subject_id IS DISTINCT FROM subject THEN
      subject := r.subject_id;
      started := true;
      seq := 0;
      prev := NULL;
    END IF;
    seq := seq + 1;
    UPDATE events SET chain_seq = seq, prev_hash = prev WHERE id = r.id RETURNING * INTO cur;
    prev := encode(sha256(convert_to(scp_event_canonical(cur), 'UTF8')), 'hex');
    UPDATE events SET hash = prev WHERE id = r.id;
  END LOOP;
END
$$;
