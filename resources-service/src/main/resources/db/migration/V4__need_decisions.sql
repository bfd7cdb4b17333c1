-- #21: a passed CHANGE_NEED proposal (projects-service, partnership.proposal.decided.v1) changes a need's quantity or
-- cancels it. A cancelled need stays (its pledges keep pointing at it) but no longer counts in the project's coverage
-- and takes no new pledge. decided_by_proposal: the last proposal that changed or cancelled the need.
alter table need
    add column status              text not null default 'OPEN' check (status in ('OPEN', 'CANCELLED')),
    add column cancelled_at        timestamptz,
    add column decided_by_proposal uuid;
