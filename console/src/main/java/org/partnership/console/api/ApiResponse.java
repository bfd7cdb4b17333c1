package org.partnership.console.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One answer of the API: status, JSON body (a problem on errors), and the ETag when there is one. */
public record ApiResponse(int status, JsonNode body, String etag) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The problem's {@code errors[]} by field (the first message per field), for showing beside the inputs. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : body.path("errors")) {
            String field = error.path("field").asText("");
            // "create.request.quantity" or "quantity": the last segment names the input
            String name = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
            errors.putIfAbsent(name, error.path("message").asText(""));
        }
        return errors;
    }

    /** The problem's detail (or title) for the page's message area. */
    public String problem() {
        String detail = body.path("detail").asText("");
        return detail.isBlank() ? body.path("title").asText("") : detail;
    }

    /** The items of a list answer ({@code {items, next}}) or of a plain array. */
    public List<JsonNode> items() {
        JsonNode items = body.has("items") ? body.get("items") : body;
        List<JsonNode> list = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(list::add);
        }
        return list;
    }

    public String next() {
        JsonNode next = body.path("next");
        return next.isTextual() ? next.asText() : null;
    }
}
