-- Issue #21: co-governance. Participants propose decisions and vote; the project's rule decides (domain/Governance).

create table proposal (
    id                     uuid primary key,
    project_id             uuid        not null references project (id),
    type                   text        not null check (type in ('LAUNCH', 'COMPLETE', 'CANCEL', 'ADMIT_PARTNER', 'REMOVE_PARTNER',
                                                                'CHANGE_RULE', 'CHANGE_NEED', 'RESOLUTION')),
    title                  text        not null,
    description            text,
    payload                text        not null,   -- JSON object, per type: {partnerId, role, message, governanceRule, needId, needAction, quantity, text}
    -- what "the same typed decision" is: the type (LAUNCH, COMPLETE, CANCEL, CHANGE_RULE), with the partner (ADMIT_PARTNER,
    -- REMOVE_PARTNER) or the need (CHANGE_NEED); null for a RESOLUTION (any number may be open)
    decision_key           text,
    status                 text        not null check (status in ('OPEN', 'PASSED', 'REJECTED', 'EXPIRED')),
    -- the project's rule when the proposal opened, then the one it was decided under
    rule                   text        not null check (rule in ('LEAD_DECIDES', 'MAJORITY', 'CONSENSUS', 'CROSS_SECTOR_MAJORITY')),
    deadline               timestamptz not null,
    proposed_by            text        not null,
    proposed_by_name       text,
    proposed_by_partner_id uuid        not null,
    created_at             timestamptz not null,
    closed_at              timestamptz,
    tally                  text,                   -- JSON: the final tally, once closed
    outcome_reason         text,
    -- a passed typed decision: APPLIED, NOT_APPLIED (with the reason and, for a launch, the failing readiness criteria)
    -- or RECORDED (a RESOLUTION; a CHANGE_NEED, which resources-service applies from the event)
    application            text check (application in ('APPLIED', 'NOT_APPLIED', 'RECORDED')),
    application_detail     text,
    application_failing    text,                   -- JSON array of {code, passed, reason}
    applied_at             timestamptz,
    version                bigint      not null default 0,
    updated_at             timestamptz not null,
    constraint proposal_closed check ((status = 'OPEN') = (closed_at is null))
);

-- At most one open proposal per typed decision of a project.
create unique index proposal_one_open_decision on proposal (project_id, decision_key) where status = 'OPEN' and decision_key is not null;
-- A project's proposals, newest first, keyset (created_at, id).
create index proposal_project on proposal (project_id, created_at desc, id desc);
-- The deadline job: open proposals by deadline.
create index proposal_open_deadline on proposal (deadline, id) where status = 'OPEN';

-- One vote per partner and proposal, cast by any of its representatives and changeable until the proposal closes.
create table vote (
    id              uuid primary key,
    proposal_id     uuid        not null references proposal (id),
    partner_id      uuid        not null,
    choice          text        not null check (choice in ('APPROVE', 'REJECT', 'ABSTAIN')),
    comment         text,
    voted_by        text        not null,
    voted_by_name   text,
    first_voted_at  timestamptz not null,
    voted_at        timestamptz not null,
    changes         integer     not null default 0,
    -- void when its partner withdrew from (or was removed from) the project while the proposal was open
    voided_at       timestamptz,
    voided_reason   text,
    constraint vote_unique unique (proposal_id, partner_id)
);

-- "Awaiting my vote": has this partner voted on this proposal?
create index vote_partner on vote (partner_id, proposal_id);
