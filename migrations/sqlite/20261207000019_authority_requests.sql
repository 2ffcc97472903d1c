-- The register of requests from authorities for a shopper's data (issue 24, promise P6):
-- who asked, on what legal basis, their reference, which data was given, and whether the
-- shopper may be told (then the shopper's ledger gets an entry too). Entries are never
-- changed or deleted; when the account is erased (its row deleted), the entry stays, as
-- the law requires a record of the disclosure, but no longer names the account.
CREATE TABLE authority_requests (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    requester    TEXT NOT NULL,
    legal_basis  TEXT NOT NULL,
    reference    TEXT NOT NULL,
    fields       TEXT NOT NULL,
    shopper_told BIGINT NOT NULL,
    staff_id     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at           BIGINT NOT NULL
);
CREATE INDEX authority_requests_user ON authority_requests (user_id);

CREATE TRIGGER authority_requests_never_change
BEFORE UPDATE OF requester, legal_basis, reference, fields, shopper_told, at ON authority_requests
BEGIN
    SELECT RAISE(ABORT, 'register entries are never changed');
END;
CREATE TRIGGER authority_requests_only_forget
BEFORE UPDATE OF user_id, staff_id ON authority_requests
WHEN (NEW.user_id IS NOT NULL AND NEW.user_id IS NOT OLD.user_id)
  OR (NEW.staff_id IS NOT NULL AND NEW.staff_id IS NOT OLD.staff_id)
BEGIN
    SELECT RAISE(ABORT, 'register entries are never changed');
END;
CREATE TRIGGER authority_requests_never_deleted
BEFORE DELETE ON authority_requests
BEGIN
    SELECT RAISE(ABORT, 'register entries are never deleted');
END;
