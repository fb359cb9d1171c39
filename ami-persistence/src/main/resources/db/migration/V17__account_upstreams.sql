-- An account's upstreams (manager.conf's ami-own option upstreams = pbx1,pbx2): the names of the
-- upstreams whose events its sessions receive and to which its requests may go, comma-separated;
-- empty for every upstream. Not foreign keys: a name may come before its upstream is stored.
ALTER TABLE account ADD COLUMN upstreams VARCHAR(1024) DEFAULT '' NOT NULL;
