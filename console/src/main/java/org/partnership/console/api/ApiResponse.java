package org.partnership.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * Every item of a paged list, following {@code next} from the first page ({@code page} gets null, then each
     * cursor) for at most {@code maxPages} pages: one answer {@code {items, next}} whose {@code next} is null when the
     * list was read to its end, or the cursor where it was cut off. A page that is not OK is the answer as it is.
     */
    public static ApiResponse allPages(Function<String, ApiResponse> page, int maxPages) {
        ApiResponse answer = page.apply(null);
        if (!answer.ok()) {
            return answer;
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        answer.items().forEach(items::add);
        String next = answer.next();
        for (int read = 1; next != null && read < maxPages; read++) {
            answer = page.apply(next);
            if (!answer.ok()) {
                return answer;
            }
            answer.items().forEach(items::add);
            next = answer.next();
        }
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        all.set("items", items);
        all.put("next", next);
        return new ApiResponse(200, all, null);
    }
}
