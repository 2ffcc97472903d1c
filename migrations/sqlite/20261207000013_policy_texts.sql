-- The privacy policy as versioned text (issue 23). A version is a draft until staff publish
-- it with an effective date; the current one is the newest whose date has come. Its texts
-- are the whole policy in each language (the first version's are filled in at start-up
-- from app/src/backend/privacy/policy/). When a version is published, a notice mail goes to
-- every account in batches: `notice_after` is the last account id queued (NULL: none left).
ALTER TABLE policy_versions RENAME COLUMN published_at TO written_at;
ALTER TABLE policy_versions ADD COLUMN effective_at BIGINT;
ALTER TABLE policy_versions ADD COLUMN text_en TEXT NOT NULL DEFAULT '';
ALTER TABLE policy_versions ADD COLUMN text_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE policy_versions ADD COLUMN notice_after BIGINT;
UPDATE policy_versions SET effective_at = written_at;
UPDATE policy_versions
SET summary_en = 'The first version: what we collect and why, who receives it, how we protect it, how long we keep it, your rights, and how changes are announced.',
    summary_zh = '第一版：我们收集什么及其原因、谁会收到、如何保护、保存多久、您的权利，以及如何公告变更。'
WHERE version = 1;

-- The newest version each account acknowledged (the rows of policy_acknowledgements say
-- when), kept on the account so every page knows whether to show the notice banner.
ALTER TABLE users ADD COLUMN policy_version BIGINT NOT NULL DEFAULT 0;
UPDATE users SET policy_version = COALESCE(
    (SELECT MAX(version) FROM policy_acknowledgements a WHERE a.user_id = users.id), 0);

-- Kept pages show the banner or not: publishing a version drops them (drafts change
-- nothing a page shows).
CREATE TRIGGER policy_versions_published AFTER UPDATE OF effective_at ON policy_versions BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('policy', '', CAST(strftime('%s', 'now') AS INTEGER));
END;
