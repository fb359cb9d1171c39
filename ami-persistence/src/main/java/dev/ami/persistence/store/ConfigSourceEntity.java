package dev.ami.persistence.store;

import dev.ami.persistence.manager.StoredLengths;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A configuration file as last imported, encrypted (it holds the secrets); see V11__config_source.sql. */
@Entity
@Table(name = "config_source")
public class ConfigSourceEntity {

    @Id
    @Column(name = "file_name", length = 64)
    private String fileName;

    @Column(nullable = false, length = StoredLengths.SOURCE)
    private String content;

    protected ConfigSourceEntity() {
    }

    ConfigSourceEntity(String fileName, String content) {
        this.fileName = fileName;
        this.content = content;
    }

    String content() {
        return content;
    }

    void replace(String newContent) {
        this.content = newContent;
    }
}
