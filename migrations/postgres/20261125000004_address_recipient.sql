-- Addresses fit for shipping and wholesale: who receives the parcel and how the express
-- company reaches them, and optionally the company and its VAT / tax id. Existing addresses
-- take the name and telephone of their account.
ALTER TABLE addresses ADD COLUMN recipient_name TEXT NOT NULL DEFAULT '';
ALTER TABLE addresses ADD COLUMN recipient_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE addresses ADD COLUMN company TEXT NOT NULL DEFAULT '';
ALTER TABLE addresses ADD COLUMN tax_id TEXT NOT NULL DEFAULT '';
UPDATE addresses SET
    recipient_name = (SELECT full_name FROM users WHERE users.id = addresses.user_id),
    recipient_phone = (SELECT phone FROM users WHERE users.id = addresses.user_id);
