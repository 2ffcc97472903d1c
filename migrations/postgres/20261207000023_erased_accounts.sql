-- The ids of erased accounts (issue 26): a restored backup may hold accounts erased after
-- it was taken, and `server restore` erases them again from this list. An id alone names
-- no one once its account is gone.
CREATE TABLE erased_accounts (
    user_id    BIGINT PRIMARY KEY,
    erased_at  BIGINT NOT NULL
);
