package dev.ami.persistence.store;

import dev.ami.persistence.manager.FilterLine;
import dev.ami.persistence.manager.StoredLengths;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stored eventfilter line of an account; its position is the list index. */
@Embeddable
public class FilterEntryEmbeddable {

    @Column(name = "filter_key", nullable = false, length = StoredLengths.VALUE)
    private String key;

    @Column(name = "filter_value", nullable = false, length = StoredLengths.VALUE)
    private String value;

    protected FilterEntryEmbeddable() {
    }

    FilterEntryEmbeddable(FilterLine line) {
        key = line.key();
        value = line.value();
    }

    FilterLine toLine() {
        return new FilterLine(key, value);
    }
}
