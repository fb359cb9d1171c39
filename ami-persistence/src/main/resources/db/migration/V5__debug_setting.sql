-- [general] debug (default no).
ALTER TABLE general_settings ADD COLUMN debug BOOLEAN DEFAULT FALSE NOT NULL;
