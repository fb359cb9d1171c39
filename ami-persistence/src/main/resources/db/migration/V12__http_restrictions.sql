-- The type = restriction sections of http.conf, in file order: the URI prefix and the section's
-- permit/deny rules, one "permit address/mask" or "deny address/mask" line per rule, in order.
CREATE TABLE http_restriction (
    settings_id INTEGER          NOT NULL REFERENCES http_settings (id) ON DELETE CASCADE,
    position    INTEGER          NOT NULL,
    prefix      VARCHAR(255)     NOT NULL,
    rules       VARCHAR(1048576) NOT NULL,
    PRIMARY KEY (settings_id, position)
);
