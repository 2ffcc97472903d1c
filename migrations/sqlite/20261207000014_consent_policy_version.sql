-- Which version of the privacy policy was in effect when a consent choice was made
-- (issue 23); NULL for choices recorded before it was kept.
ALTER TABLE consent_events ADD COLUMN policy_version BIGINT;
