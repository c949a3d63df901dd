package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.fault.TooLargeException;

/** Each kind of domain refusal becomes its own status, with the refusal's code, title, detail and faults. */
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    private ProblemDetail answer(DomainException refusal, int status) {
        ResponseEntity<Object> response = handler.handleRefusal(refusal);
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return (ProblemDetail) response.getBody();
    }

    @Test
    void everyKindOfRefusalHasItsStatus() {
        List<Fault> faults = List.of(Fault.atPointer("/a", "bad a"));
        assertThat(answer(new MalformedInputException("m", "M", "malformed", faults), 400).getDetail()).isEqualTo("malformed");
        assertThat(answer(new ConflictException("c", "C", "conflict"), 409).getTitle()).isEqualTo("C");
        assertThat(answer(new TooLargeException("t", "T", "too large", List.of()), 413).getType())
                .isEqualTo(URI.create("/problems/t"));
        assertThat(answer(new InvalidInputException("i", "I", "invalid", faults), 422).getProperties())
                .containsEntry("errors", List.of(new ProblemError("/a", null, null, null, "bad a")));
    }

    @Test
    void aMissingResourceNamesItsKindAndId() {
        UUID id = UUID.randomUUID();
        ProblemDetail problem = answer(new NotFoundException("Job", id), 404);

        assertThat(problem.getType()).isEqualTo(URI.create("/problems/not-found"));
        assertThat(problem.getTitle()).isEqualTo("Job not found");
        assertThat(problem.getDetail()).isEqualTo("No job with id " + id + ".");
        assertThat(problem.getProperties()).isNull();
    }

    @Test
    void aRefusalOfAKindWithoutAStatusIsAnInternalErrorNotALeak() {
        DomainException unmapped = new DomainException("secret", "Secret", "internal detail", List.of()) {
        };
        ProblemDetail problem = answer(unmapped, 500);

        assertThat(problem.getDetail()).doesNotContain("internal detail");
    }
}
