-- The eventfilter lines of each account, in configuration order: the option name (which holds the
-- advanced criteria) and the pattern.
CREATE TABLE account_event_filter (
    account_id   BIGINT        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    filter_key   VARCHAR(1024) NOT NULL,
    filter_value VARCHAR(1024) NOT NULL,
    PRIMARY KEY (account_id, position)
);
