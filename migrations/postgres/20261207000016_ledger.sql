-- The ledger of personal data leaving the shop (issue 23). Each mail carries its kind, so
-- that the ledger can say which mail the mail relay carried. Ledger rows are never changed
-- (a correction is a new row); the one update allowed gives a guest's row to the account
-- that claims the order.
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT '';

CREATE FUNCTION disclosures_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.order_id IS DISTINCT FROM OLD.order_id
        OR NEW.recipient IS DISTINCT FROM OLD.recipient
        OR NEW.fields IS DISTINCT FROM OLD.fields
        OR NEW.purpose IS DISTINCT FROM OLD.purpose
        OR NEW.at IS DISTINCT FROM OLD.at
        OR (OLD.user_id IS NOT NULL AND NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
        RAISE EXCEPTION 'ledger rows are never changed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER disclosures_never_change BEFORE UPDATE ON disclosures
    FOR EACH ROW EXECUTE FUNCTION disclosures_never_change();
