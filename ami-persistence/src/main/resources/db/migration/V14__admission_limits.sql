-- [general] ami_authlimit_per_address, ami_authlimit_per_network: ami's own limits on connections
-- one address or network may hold before login (AdmissionPolicy's defaults).
ALTER TABLE general_settings ADD COLUMN authlimit_per_address INTEGER DEFAULT 10 NOT NULL;
ALTER TABLE general_settings ADD COLUMN authlimit_per_network INTEGER DEFAULT 25 NOT NULL;
