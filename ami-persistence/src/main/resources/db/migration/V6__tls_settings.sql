-- The TLS listener of [general]: tlsenable, tlsbindaddr (address and port), tlscertfile,
-- tlsprivatekey, tlscipher, with Asterisk's defaults.
ALTER TABLE general_settings ADD COLUMN tls_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE general_settings ADD COLUMN tls_bind_address VARCHAR(255) DEFAULT '::' NOT NULL;
ALTER TABLE general_settings ADD COLUMN tls_port INTEGER DEFAULT 5039 NOT NULL;
ALTER TABLE general_settings ADD COLUMN tls_cert_file VARCHAR(1024) DEFAULT 'asterisk.pem' NOT NULL;
ALTER TABLE general_settings ADD COLUMN tls_private_key VARCHAR(1024) DEFAULT '' NOT NULL;
ALTER TABLE general_settings ADD COLUMN tls_cipher VARCHAR(1024) DEFAULT '' NOT NULL;
