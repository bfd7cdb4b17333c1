-- Issue #19, hole 3: a partner that left a project no longer carries its risks.
-- When a partner stops being an accepted participant of a project (it withdrew, or was removed), its shares of the
-- project's risks that are not CLOSED are released: taken out of risk_allocation, so they no longer count toward
-- 100 %, and kept here with when, why, by what and with which correlation id. A release stays open (the lead is asked
-- to reallocate) until the lead allocates the risk again; then reallocated_at is set. Nothing here is deleted.
create table risk_allocation_release (
    id             uuid primary key,
    risk_id        uuid         not null references risk (id),
    partner_id     uuid         not null,
    share_percent  numeric(5,2) not null check (share_percent > 0 and share_percent <= 100),
    reason         text         not null,
    released_by    text         not null,   -- 'projects.v1 <event type>' or 'migration V3': the platform acting on a departure
    released_at    timestamptz  not null,
    cause_event_id text,                    -- the projects.v1 event that showed the departure
    correlation_id text,                    -- the X-Request-Id of the request that caused it (the withdrawal)
    reallocated_at timestamptz              -- set when the lead allocates the risk again
);

create index risk_allocation_release_risk on risk_allocation_release (risk_id, released_at);
create index risk_allocation_release_open on risk_allocation_release (risk_id) where reallocated_at is null;

-- Existing data: shares held today by partners that are no longer accepted participants (they left before this
-- change) are released now, so they stop counting toward 100 % and the lead is asked to reallocate them.
insert into risk_allocation_release (id, risk_id, partner_id, share_percent, reason, released_by, released_at)
select gen_random_uuid(), a.risk_id, a.partner_id, a.share_percent,
       'the partner was no longer an accepted participant of the project when its shares were first checked',
       'migration V3', now()
  from risk_allocation a
  join risk r on r.id = a.risk_id
  join project_replica p on p.id = r.project_id
 where r.status <> 'CLOSED'
   and not (cast(a.partner_id as text) = any (p.accepted_partners));

delete from risk_allocation a
 using risk r, project_replica p
 where r.id = a.risk_id and p.id = r.project_id and r.status <> 'CLOSED'
   and not (cast(a.partner_id as text) = any (p.accepted_partners));
