-- Each configuration file as last imported, as Asterisk holds a loaded file: includes inlined,
-- template lines copied into the sections that inherit them, comments dropped. GetConfig shows it
-- and UpdateConfig edits it, as Asterisk shows and edits the file itself. It holds the secrets,
-- so it is stored encrypted, like them.
CREATE TABLE config_source (
    file_name VARCHAR(64)      NOT NULL PRIMARY KEY,
    content   VARCHAR(1048576) NOT NULL
);
