package org.partnership.console.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiResponseTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldNameTheFieldOfEachProblemError() throws Exception {
        ApiResponse problem = new ApiResponse(400, json.readTree("""
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"2 invalid fields",
                 "errors":[{"field":"create.request.quantity","message":"must be positive"},
                           {"field":"unit","message":"must not be blank"},
                           {"field":"unit","message":"second message"}]}"""), null);
        assertThat(problem.ok()).isFalse();
        assertThat(problem.fieldErrors()).containsExactly(java.util.Map.entry("quantity", "must be positive"),
                java.util.Map.entry("unit", "must not be blank"));
        assertThat(problem.problem()).isEqualTo("2 invalid fields");
    }

    @Test
    void shouldReadListsAndTheirCursor() throws Exception {
        ApiResponse page = new ApiResponse(200, json.readTree("{\"items\":[{\"id\":1},{\"id\":2}],\"next\":\"abc\"}"), null);
        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isEqualTo("abc");
        assertThat(new ApiResponse(200, json.readTree("{\"items\":[],\"next\":null}"), null).next()).isNull();
    }
}
