-- hand-written (drizzle-kit generate --custom): keeps the funnel's daily rollup honest (db/schema/funnel.ts).
-- Any write, by any code path, that can change a rolled-up day's counts (a contract inserted, deleted, or
-- changed in status, activation, signee email, link expiry, creation time or issuer; a follow-up's first open)
-- records the day in funnel_day_changes, so lib/follow-up/funnel.ts counts it from the contracts until the
-- job recomputes it. The shared advisory lock, held to the writer's commit, pairs with the job's exclusive
-- try-lock on the same (account, day) (lib/follow-up/funnel-rollup.ts): the job never counts a day while a
-- writer of that day is uncommitted, and a writer after the job's commit sees the job's row.
CREATE OR REPLACE FUNCTION funnel_day_touch(a uuid, d date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended('funnel-day:' || a::text || ':' || d::text, 0));
  IF EXISTS (SELECT 1 FROM funnel_days WHERE issuer_account_id = a AND day = d) THEN
    INSERT INTO funnel_day_changes (issuer_account_id, day) VALUES (a, d);
  END IF;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION funnel_contracts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR r IN SELECT DISTINCT n.issuer_account_id AS a, (n.created_at AT TIME ZONE 'UTC')::date AS d
      FROM funnel_new n ORDER BY 1, 2 LOOP
      PERFORM funnel_day_touch(r.a, r.d);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR r IN SELECT DISTINCT o.issuer_account_id AS a, (o.created_at AT TIME ZONE 'UTC')::date AS d
      FROM funnel_old o ORDER BY 1, 2 LOOP
      PERFORM funnel_day_touch(r.a, r.d);
    END LOOP;
  ELSE
    FOR r IN SELECT DISTINCT x.a, x.d FROM funnel_old o JOIN funnel_new n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.issuer_account_id, (o.created_at AT TIME ZONE 'UTC')::date),
                                 (n.issuer_account_id, (n.created_at AT TIME ZONE 'UTC')::date)) AS x(a, d)
      WHERE (o.status, o.activated_at, o.signee_email, o.link_expires_at, o.created_at, o.issuer_account_id)
        IS DISTINCT FROM (n.status, n.activated_at, n.signee_email, n.link_expires_at, n.created_at, n.issuer_account_id)
      ORDER BY 1, 2 LOOP
      PERFORM funnel_day_touch(r.a, r.d);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER funnel_contracts_insert AFTER INSERT ON contracts REFERENCING NEW TABLE AS funnel_new
  FOR EACH STATEMENT EXECUTE FUNCTION funnel_contracts_changed();--> statement-breakpoint
CREATE TRIGGER funnel_contracts_update AFTER UPDATE ON contracts REFERENCING OLD TABLE AS funnel_old NEW TABLE AS funnel_new
  FOR EACH STATEMENT EXECUTE FUNCTION funnel_contracts_changed();--> statement-breakpoint
CREATE TRIGGER funnel_contracts_delete AFTER DELETE ON contracts REFERENCING OLD TABLE AS funnel_old
  FOR EACH STATEMENT EXECUTE FUNCTION funnel_contracts_changed();--> statement-breakpoint
-- A follow-up counts only through whether its link was ever opened.
CREATE OR REPLACE FUNCTION funnel_follow_ups_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cid uuid;
  a uuid;
  d date;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.first_opened_at IS NULL) = (NEW.first_opened_at IS NULL) AND OLD.contract_id = NEW.contract_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' AND NEW.first_opened_at IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' AND OLD.first_opened_at IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN cid := OLD.contract_id; ELSE cid := NEW.contract_id; END IF;
  SELECT c.issuer_account_id, (c.created_at AT TIME ZONE 'UTC')::date INTO a, d FROM contracts c WHERE c.id = cid;
  IF FOUND THEN PERFORM funnel_day_touch(a, d); END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER funnel_follow_ups_opened AFTER INSERT OR DELETE OR UPDATE OF first_opened_at, contract_id ON contract_follow_ups
  FOR EACH ROW EXECUTE FUNCTION funnel_follow_ups_changed();
