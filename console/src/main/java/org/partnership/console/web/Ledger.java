package org.partnership.console.web;

import jakarta.enterprise.context.RequestScoped;
import org.partnership.console.api.Api;
import org.partnership.console.api.ApiResponse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery ledger as the console shows it (issue #19): each delivery recorded against a project, for the recipient
 * side (the lead's members) to confirm or dispute, and the disputed deliveries a representative may correct. The
 * deliveries come from resources-service's single-contribution reads ({@code GET /api/v1/contributions/{id}}, whose
 * ETag is the version a review sends as If-Match); the console only lists them, the API decides every review.
 */
@RequestScoped
public class Ledger {

    private final Api api;
    private final View view;

    public Ledger(Api api, View view) {
        this.api = api;
        this.view = view;
    }

    /**
     * Every delivery recorded against the project, oldest recorded first, each with its contribution (type, unit,
     * pledged, delivered, confirmed, disputed), the contributing partner's name and the contribution's ETag; null when
     * the caller may not read the project's contributions.
     */
    public List<Map<String, Object>> ofProject(String projectId, List<Map<String, Object>> participants) {
        ApiResponse contributions = api.all("/api/v1/contributions", "projectId", projectId);
        if (!contributions.ok()) {
            return null;
        }
        Map<Object, Object> names = new HashMap<>();
        participants.forEach(p -> names.put(p.get("partnerId"), p.get("partnerName")));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> c : view.list(contributions)) {
            if (!recorded(c)) {
                continue;
            }
            ApiResponse one = api.get("/api/v1/contributions/" + c.get("id"));
            if (!one.ok()) {
                continue;
            }
            Map<String, Object> contribution = view.map(one.body());
            Object deliveries = contribution.remove("deliveries");
            if (!(deliveries instanceof List<?> entries)) {
                continue;
            }
            for (Object entry : entries) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) entry);
                row.put("contribution", contribution);
                row.put("partnerName", names.getOrDefault(contribution.get("partnerId"), contribution.get("partnerId")));
                row.put("version", one.etag());
                row.put("own", contribution.get("partnerId") != null && contribution.get("partnerId").equals(view.partnerId()));
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(r -> String.valueOf(r.get("recordedAt"))));
        return rows;
    }

    /**
     * The caller's partner's deliveries that stand disputed (not yet corrected), each with its contribution and the
     * project's title, for the representative to correct.
     */
    public List<Map<String, Object>> disputedOfMine() {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (view.partnerId() == null) {
            return rows;
        }
        ApiResponse mine = api.all("/api/v1/contributions", "partnerId", view.partnerId());
        if (!mine.ok()) {
            return rows;
        }
        Map<Object, Object> titles = new HashMap<>();
        for (Map<String, Object> c : view.list(mine)) {
            if (zero(c.get("disputed"))) {
                continue;
            }
            ApiResponse one = api.get("/api/v1/contributions/" + c.get("id"));
            if (!one.ok()) {
                continue;
            }
            Map<String, Object> contribution = view.map(one.body());
            Object deliveries = contribution.remove("deliveries");
            Object project = contribution.get("projectId");
            Object title = titles.computeIfAbsent(project, id -> {
                ApiResponse p = api.get("/api/v1/projects/" + id);
                return p.ok() ? p.body().path("title").asText(String.valueOf(id)) : String.valueOf(id);
            });
            if (deliveries instanceof List<?> entries) {
                for (Object entry : entries) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> delivery = (Map<String, Object>) entry;
                    if ("DISPUTED".equals(delivery.get("review")) && delivery.get("correctedBy") == null) {
                        Map<String, Object> row = new LinkedHashMap<>(delivery);
                        row.put("contribution", contribution);
                        row.put("projectTitle", title);
                        rows.add(row);
                    }
                }
            }
        }
        rows.sort(Comparator.comparing(r -> String.valueOf(r.get("recordedAt"))));
        return rows;
    }

    /** Whether anything was ever recorded against the pledge (delivered, confirmed or disputed). */
    private static boolean recorded(Map<String, Object> contribution) {
        return !zero(contribution.get("delivered")) || !zero(contribution.get("confirmed")) || !zero(contribution.get("disputed"));
    }

    static boolean zero(Object decimal) {
        if (decimal == null) {
            return true;
        }
        try {
            return new BigDecimal(decimal.toString()).signum() == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
