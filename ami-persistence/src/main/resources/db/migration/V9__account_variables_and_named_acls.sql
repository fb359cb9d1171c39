-- Per-account setvar values and named acl lines (stored; see AccountDefinition), one per line.
ALTER TABLE account ADD COLUMN set_vars VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE account ADD COLUMN named_acls VARCHAR(4000) DEFAULT '' NOT NULL;
