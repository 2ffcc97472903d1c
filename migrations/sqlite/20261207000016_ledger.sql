-- The ledger of personal data leaving the shop (issue 23). Each mail carries its kind, so
-- that the ledger can say which mail the mail relay carried. Ledger rows are never changed
-- (a correction is a new row); the one update allowed gives a guest's row to the account
-- that claims the order.
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT '';

CREATE TRIGGER disclosures_never_change
BEFORE UPDATE OF order_id, recipient, fields, purpose, at ON disclosures
BEGIN
    SELECT RAISE(ABORT, 'ledger rows are never changed');
END;
CREATE TRIGGER disclosures_owner_set_once
BEFORE UPDATE OF user_id ON disclosures
WHEN OLD.user_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'ledger rows are never changed');
END;
