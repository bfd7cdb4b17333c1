package org.partnership.notifications.service;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.partnership.notifications.domain.Kind;

import java.util.Map;

/** The text of a notification in a language (en, it), from its kind and the parameters stored with it. */
public final class Texts {

    private Texts() {
    }

    public static NoticeMsg bundle(String language) {
        return "it".equals(language) ? MessageBundles.get(NoticeMsg.class, Localized.Literal.of("it"))
                : MessageBundles.get(NoticeMsg.class);
    }

    public static String of(Kind kind, Map<String, String> params, String language) {
        NoticeMsg msg = bundle(language);
        String partner = params.getOrDefault("partnerName", "?");
        String project = params.getOrDefault("projectTitle", "?");
        String quantity = params.getOrDefault("quantity", "");
        String unit = params.getOrDefault("unit", "");
        return switch (kind) {
            case INVITED -> msg.invited(partner, project);
            case INVITATION_ANSWERED -> "DECLINED".equals(params.get("answer")) ? msg.invitationDeclined(partner, project)
                    : msg.invitationAccepted(partner, project);
            case PLEDGE_RECEIVED -> msg.pledgeReceived(partner, quantity, unit, project);
            case DELIVERY_RECORDED -> msg.deliveryRecorded(partner, quantity, unit, project);
            case PLEDGE_OVERDUE -> msg.pledgeOverdue(partner, quantity, unit, project, params.getOrDefault("dueDate", "?"));
            case PARTNER_VERIFIED -> msg.partnerVerified(partner);
            case PARTNER_SUSPENDED -> msg.partnerSuspended(partner, params.getOrDefault("reason", ""));
            case RISK_ALLOCATED -> msg.riskAllocated(partner, params.getOrDefault("sharePercent", "?"),
                    params.getOrDefault("riskTitle", "?"), project);
            case PROPOSAL_OPENED -> msg.proposalOpened(params.getOrDefault("proposalTitle", "?"), project);
            case PROPOSAL_EXPIRING -> msg.proposalExpiring(params.getOrDefault("proposalTitle", "?"), project,
                    params.getOrDefault("deadline", "?"));
            case PROPOSAL_DECIDED -> switch (params.getOrDefault("outcome", "")) {
                case "PASSED" -> msg.proposalPassed(params.getOrDefault("proposalTitle", "?"), project);
                case "EXPIRED" -> msg.proposalExpired(params.getOrDefault("proposalTitle", "?"), project);
                default -> msg.proposalRejected(params.getOrDefault("proposalTitle", "?"), project);
            };
        };
    }
}
