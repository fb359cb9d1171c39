-- The TLS library flags Asterisk accepts (tlsservercipherorder, tlsdisablev1/v11/v12), as
-- name=value lines, for manager.conf's and http.conf's listeners.
ALTER TABLE general_settings ADD COLUMN tls_options VARCHAR(1024) DEFAULT '' NOT NULL;
ALTER TABLE http_settings ADD COLUMN tls_options VARCHAR(1024) DEFAULT '' NOT NULL;
