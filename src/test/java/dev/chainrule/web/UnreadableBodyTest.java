package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** What a client is told about a body that could not be read, an unknown field included. */
class UnreadableBodyTest {

    record Outer(Integer alpha, Inner inner) {
    }

    record Inner(Integer beta, String gamma) {
    }

    private final JsonMapper mapper = JsonConfig.strict(JsonMapper.builder()).build();

    private UnreadableBody read(String json, Class<?> type) {
        JacksonException cause = catchThrowableOfType(JacksonException.class, () -> mapper.readValue(json, type));
        assertThat(cause).as("expected %s to be refused", json).isNotNull();
        return UnreadableBody.of(new HttpMessageNotReadableException("unreadable", cause,
                new MockHttpInputMessage(new byte[0])));
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheKnownOnes() {
        UnreadableBody body = read("{\"alpha\": 1, \"alpah\": 2}", Outer.class);

        assertThat(body.code()).isEqualTo("unknown-field");
        assertThat(body.pointer()).isEqualTo("/alpah");
        assertThat(body.detail()).isEqualTo("Unknown field 'alpah'; the known fields are alpha and inner.");
    }

    @Test
    void anUnknownNestedFieldIsNamedByItsPointer() {
        UnreadableBody body = read("{\"alpha\": 1, \"inner\": {\"beta\": 2, \"delta\": 3}}", Outer.class);

        assertThat(body.pointer()).isEqualTo("/inner/delta");
        assertThat(body.detail()).isEqualTo("Unknown field 'delta'; the known fields are beta and gamma.");
    }

    @Test
    void aValueOfTheWrongKindIsNamedByItsPointerWithoutJavaNames() {
        UnreadableBody body = read("{\"inner\": {\"beta\": \"two\"}}", Outer.class);

        assertThat(body.code()).isEqualTo("unreadable-body");
        assertThat(body.pointer()).isEqualTo("/inner/beta");
        assertThat(body.detail()).startsWith("The request body could not be read at /inner/beta: ");
    }
}
