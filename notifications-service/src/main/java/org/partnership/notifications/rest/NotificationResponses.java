package org.partnership.notifications.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Response bodies of the notifications API. */
public final class NotificationResponses {

    private NotificationResponses() {
    }

    @Schema(name = "Notification", description = "Something that needs the caller, from one of the platform's events")
    public record NotificationView(
            UUID id,
            @Schema(description = "What it is about", enumeration = {"INVITED", "INVITATION_ANSWERED", "PLEDGE_RECEIVED",
                    "DELIVERY_RECORDED", "PLEDGE_OVERDUE", "PARTNER_VERIFIED", "PARTNER_SUSPENDED", "RISK_ALLOCATED",
                    "PROPOSAL_OPENED", "PROPOSAL_EXPIRING", "PROPOSAL_DECIDED"}) String kind,
            @Schema(description = "One line saying what happened, in the caller's language (Accept-Language, else the token's locale: en or it)") String text,
            @Schema(description = "The item in the web console, relative to its root, e.g. /projects/{id}") String path,
            @Schema(description = "The item in the web console, absolute") String url,
            @Schema(description = "The project it is about, if any") UUID projectId,
            @Schema(description = "The partner it is about, if any") UUID partnerId,
            OffsetDateTime createdAt,
            boolean read,
            @Schema(description = "When the caller marked it read; absent while unread") OffsetDateTime readAt) {
    }

    @Schema(name = "NotificationPage", description = "A page of the caller's notifications, newest first, and how many are unread in all")
    public record NotificationPage(List<NotificationView> items,
                                   @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next,
                                   @Schema(description = "How many of the caller's notifications are unread (all pages)") long unread) {
    }

    @Schema(name = "UnreadCount", description = "How many of the caller's notifications are unread")
    public record UnreadCount(long unread) {
    }

    @Schema(name = "NotificationPreference", description = "How the caller receives one kind of notification")
    public record PreferenceView(
            @Schema(enumeration = {"INVITED", "INVITATION_ANSWERED", "PLEDGE_RECEIVED", "DELIVERY_RECORDED", "PLEDGE_OVERDUE",
                    "PARTNER_VERIFIED", "PARTNER_SUSPENDED", "RISK_ALLOCATED", "PROPOSAL_OPENED", "PROPOSAL_EXPIRING", "PROPOSAL_DECIDED"}) String kind,
            @Schema(description = "IN_APP: in the app only; EMAIL: also by e-mail at once (the default); DIGEST: in the app and in a daily e-mail digest",
                    enumeration = {"IN_APP", "EMAIL", "DIGEST"}) String channel) {
    }

    @Schema(name = "NotificationPreferences", description = "The caller's channel for every kind of notification")
    public record Preferences(List<PreferenceView> preferences) {
    }

    @Schema(name = "FailedMail", description = "An e-mail the platform could not send after every retry")
    public record FailedMailView(UUID id, String recipient, String subject, int attempts,
                                 @Schema(description = "The SMTP server's or the connection's last error") String lastError,
                                 OffsetDateTime createdAt, @Schema(description = "When the last attempt was made") OffsetDateTime lastAttemptAt) {
    }

    @Schema(name = "FailedMailPage", description = "A page of failed e-mail, newest first")
    public record FailedMailPage(List<FailedMailView> items,
                                 @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }
}
