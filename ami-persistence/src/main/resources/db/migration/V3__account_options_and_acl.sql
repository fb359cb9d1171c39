-- Per-account options; NULL means "not set": the [general] value (or Asterisk's default) applies.
ALTER TABLE account ADD COLUMN allow_multiple_login BOOLEAN;
ALTER TABLE account ADD COLUMN display_connects BOOLEAN;
ALTER TABLE account ADD COLUMN write_timeout INTEGER;

-- The permit/deny lines of each account, in configuration order (the last matching rule wins).
CREATE TABLE account_acl (
    account_id BIGINT        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    position   INTEGER       NOT NULL,
    permit     BOOLEAN       NOT NULL,
    rule_value VARCHAR(1024) NOT NULL,
    PRIMARY KEY (account_id, position)
);
