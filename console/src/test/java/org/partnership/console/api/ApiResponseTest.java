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

    @Test
    void shouldFollowEveryPageOfAListUpToItsBound() throws Exception {
        java.util.List<String> asked = new java.util.ArrayList<>();
        ApiResponse all = ApiResponse.allPages(cursor -> {
            asked.add(String.valueOf(cursor));
            int page = cursor == null ? 1 : Integer.parseInt(cursor);
            return page(page, page < 3 ? String.valueOf(page + 1) : null);
        }, 10);
        assertThat(asked).containsExactly("null", "2", "3");
        assertThat(all.ok()).isTrue();
        assertThat(all.items()).extracting(i -> i.path("id").asInt()).containsExactly(1, 2, 3);
        assertThat(all.next()).isNull();

        ApiResponse cut = ApiResponse.allPages(cursor -> page(cursor == null ? 1 : Integer.parseInt(cursor),
                String.valueOf((cursor == null ? 1 : Integer.parseInt(cursor)) + 1)), 4);
        assertThat(cut.items()).hasSize(4);
        assertThat(cut.next()).isEqualTo("5");
    }

    @Test
    void shouldAnswerARefusedPageAsItIs() throws Exception {
        ApiResponse refused = new ApiResponse(403, json.readTree("{\"status\":403,\"title\":\"Forbidden\"}"), null);
        assertThat(ApiResponse.allPages(cursor -> refused, 10)).isSameAs(refused);
        assertThat(ApiResponse.allPages(cursor -> cursor == null ? page(1, "2") : refused, 10)).isSameAs(refused);
    }

    private ApiResponse page(int id, String next) {
        try {
            return new ApiResponse(200, json.readTree("{\"items\":[{\"id\":" + id + "}],\"next\":"
                    + (next == null ? "null" : "\"" + next + "\"") + "}"), null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
