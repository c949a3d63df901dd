package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;

import dev.chainrule.fault.Fault;
import dev.chainrule.fault.MalformedInputException;

class PagingTest {

    private static void refused(Runnable call, String parameter, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(MalformedInputException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid-parameter");
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.faults()).extracting(Fault::field).containsExactly(parameter);
        });
    }

    @Test
    void aPageWithinTheRangesIsTheRequestedOne() {
        assertThat(Paging.page(0, 1)).isEqualTo(PageRequest.of(0, 1));
        assertThat(Paging.page(7, Paging.MAX_SIZE)).isEqualTo(PageRequest.of(7, 100));
    }

    @Test
    void aPageOutOfRangeNamesTheParameter() {
        refused(() -> Paging.page(-1, 20), "page", "'page' must be 0 or more, got -1.");
        refused(() -> Paging.page(0, 0), "size", "'size' must be between 1 and 100, got 0.");
        refused(() -> Paging.page(0, 101), "size", "'size' must be between 1 and 100, got 101.");
    }

    @Test
    void aWindowIsBoundedByTheResourcesLimit() {
        Paging.window(0, 1, 5);
        Paging.window(1_000_000, 5, 5);
        refused(() -> Paging.window(-1, 5, 5), "offset", "'offset' must be 0 or more, got -1.");
        refused(() -> Paging.window(0, 0, 5), "limit", "'limit' must be between 1 and 5, got 0.");
        refused(() -> Paging.window(0, 6, 5), "limit", "'limit' must be between 1 and 5, got 6.");
    }
}
