package dev.ami.persistence.configactions;

import java.util.List;

/** What UpdateConfig's edits came to: the categories to save, or Asterisk's error for the first edit that failed. */
sealed interface EditResult {

    /** @param categories every category of the file, edited */
    record Applied(List<Category> categories) implements EditResult {
        public Applied {
            categories = List.copyOf(categories);
        }
    }

    /** @param message Asterisk's error message; nothing is saved */
    record Failed(String message) implements EditResult {
    }
}
