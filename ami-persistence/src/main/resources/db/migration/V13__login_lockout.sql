-- [general] ami_lockout_failures, ami_lockout_source_failures, ami_lockout_account_failures,
-- ami_login_backoff_after, ami_lockout_minutes: ami's own brute-force lockout (LockoutPolicy's defaults).
ALTER TABLE general_settings ADD COLUMN lockout_failures INTEGER DEFAULT 10 NOT NULL;
ALTER TABLE general_settings ADD COLUMN lockout_source_failures INTEGER DEFAULT 50 NOT NULL;
ALTER TABLE general_settings ADD COLUMN lockout_account_failures INTEGER DEFAULT 500 NOT NULL;
ALTER TABLE general_settings ADD COLUMN login_backoff_after INTEGER DEFAULT 3 NOT NULL;
ALTER TABLE general_settings ADD COLUMN lockout_minutes INTEGER DEFAULT 10 NOT NULL;
