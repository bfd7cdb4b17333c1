package org.partnership.console.web;

import io.quarkus.qute.TemplateGlobal;

import java.util.List;

/** The proposal types, vote choices and need actions the governance forms offer (#21; the API validates). */
@TemplateGlobal
public final class GovernanceOptions {

    static final List<String> proposalTypes = List.of("LAUNCH", "COMPLETE", "CANCEL", "CHANGE_RULE", "CHANGE_NEED", "RESOLUTION");
    static final List<String> voteChoices = List.of("APPROVE", "REJECT", "ABSTAIN");
    static final List<String> needActions = List.of("CHANGE", "CANCEL");

    private GovernanceOptions() {
    }
}
