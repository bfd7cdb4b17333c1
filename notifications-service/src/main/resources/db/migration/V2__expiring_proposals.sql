-- Co-governance proposals as projects.v1 tells them (opened, voted, decided, expired), kept only to remind the
-- participants who have not voted that a proposal is about to expire (ProposalReminderJob). Never read from
-- projects-service's database.
create table proposal_replica (
    id          uuid primary key,
    project_id  uuid        not null,
    title       text        not null,
    deadline    timestamptz not null,
    -- decided or expired: nothing more to remind of
    closed      boolean     not null default false,
    -- when the "about to expire" reminder was queued (at most once per proposal)
    reminded_at timestamptz
);
create index proposal_replica_due on proposal_replica (deadline) where not closed and reminded_at is null;

-- The participants (partners) that voted on a proposal, from proposal.voted.
create table proposal_vote (
    proposal_id uuid not null,
    partner_id  uuid not null,
    primary key (proposal_id, partner_id)
);
