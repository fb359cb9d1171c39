-- [general] options of events and of AMI over HTTP: webenabled, httptimeout, channelvars and
-- disabledevents (lists stored one item per line), with Asterisk's defaults.
ALTER TABLE general_settings ADD COLUMN web_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE general_settings ADD COLUMN http_timeout INTEGER DEFAULT 60 NOT NULL;
ALTER TABLE general_settings ADD COLUMN channel_vars VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE general_settings ADD COLUMN disabled_events VARCHAR(4000) DEFAULT '' NOT NULL;
