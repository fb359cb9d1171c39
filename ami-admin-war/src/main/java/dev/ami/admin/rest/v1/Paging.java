package dev.ami.admin.rest.v1;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A page of a list.
 *
 * @param offset how many to skip
 * @param limit  how many at most
 */
record Paging(@Min(0) int offset, @Min(1) @Max(Paging.MAX_LIMIT) int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
}
