-- Issue #19: a member's change of the verified fields (name, legal form, sector) waits for an administrator.
-- Existing partners have nothing pending: every new column starts null.
alter table partner
    add column pending_name          text,
    add column pending_legal_form    text,
    add column pending_sector        text check (pending_sector in ('PUBLIC', 'THIRD_SECTOR', 'MARKET', 'COMMUNITY')),
    add column pending_proposed_by   text,
    add column pending_proposed_at   timestamptz,
    add column change_rejection_reason text,
    add column change_rejected_at    timestamptz;

-- Administrators' queue of changes to verify.
create index partner_pending_change on partner (pending_proposed_at) where pending_proposed_at is not null;
