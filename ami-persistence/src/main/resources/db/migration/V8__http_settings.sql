-- The [general] section of http.conf: a single row, as general_settings is for manager.conf.
CREATE TABLE http_settings (
    id INTEGER NOT NULL PRIMARY KEY,
    enabled BOOLEAN NOT NULL,
    bind_address VARCHAR(255) NOT NULL,
    bind_port INTEGER NOT NULL,
    prefix VARCHAR(255) NOT NULL,
    server_name VARCHAR(255) NOT NULL,
    session_limit INTEGER NOT NULL,
    session_inactivity INTEGER NOT NULL,
    session_keep_alive INTEGER NOT NULL,
    enable_static BOOLEAN NOT NULL,
    enable_status BOOLEAN NOT NULL,
    redirects VARCHAR(4000) NOT NULL,
    tls_enabled BOOLEAN NOT NULL,
    tls_bind_address VARCHAR(255) NOT NULL,
    tls_port INTEGER NOT NULL,
    tls_cert_file VARCHAR(1024) NOT NULL,
    tls_private_key VARCHAR(1024) NOT NULL,
    tls_cipher VARCHAR(1024) NOT NULL
);
