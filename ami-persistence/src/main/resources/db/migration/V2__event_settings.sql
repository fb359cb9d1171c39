-- [general] timestampevents and brokeneventsaction (both default no, as in Asterisk).
ALTER TABLE general_settings ADD COLUMN timestamp_events BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE general_settings ADD COLUMN broken_events_action BOOLEAN DEFAULT FALSE NOT NULL;
