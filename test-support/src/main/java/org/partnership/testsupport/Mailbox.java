package org.partnership.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A GreenMail mailbox read through GreenMail's HTTP API ({@code GET /api/user/<address>/messages/}): what the SMTP
 * server received for an address. An address that never received anything has an empty mailbox.
 */
public final class Mailbox {

    /** A received message: its subject (decoded) and the raw MIME message (headers and bodies). */
    public record Message(String subject, String raw) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Mailbox() {
    }

    /** The messages in {@code address}'s inbox on the GreenMail whose API is at {@code apiUrl}. */
    public static List<Message> of(String apiUrl, String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/user/"
                            + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<Message> messages = new ArrayList<>();
            if (response.statusCode() != 200) {
                return messages;
            }
            for (JsonNode message : MAPPER.readTree(response.body())) {
                messages.add(new Message(message.path("subject").asText(), message.path("mimeMessage").asText()));
            }
            return messages;
        } catch (IOException e) {
            throw new IllegalStateException("GreenMail's API at " + apiUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
