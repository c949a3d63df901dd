package dev.chainrule.web;

import org.springframework.data.domain.PageRequest;

import dev.chainrule.fault.MalformedInputException;

/**
 * The one paging convention of the API, checked here for every call. A list is read page by page:
 * {@code page} counts from 0 and {@code size} is 1 to {@value #MAX_SIZE}. The rows of one resource
 * (a dataset's rows, their predictions) are read as a window: {@code offset} counts from 0 and
 * {@code limit} is 1 to that resource's maximum. A value out of range is a 400 naming the parameter.
 */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    /** The requested page, unsorted: the service that reads it knows its order. */
    public static PageRequest page(int page, int size) {
        atLeast("page", page, 0);
        between("size", size, 1, MAX_SIZE);
        return PageRequest.of(page, size);
    }

    public static void window(int offset, int limit, int maxLimit) {
        atLeast("offset", offset, 0);
        between("limit", limit, 1, maxLimit);
    }

    private static void atLeast(String parameter, int value, int min) {
        if (value < min) {
            throw MalformedInputException.parameter(parameter,
                    "'" + parameter + "' must be " + min + " or more, got " + value + ".");
        }
    }

    private static void between(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw MalformedInputException.parameter(parameter,
                    "'" + parameter + "' must be between " + min + " and " + max + ", got " + value + ".");
        }
    }
}
