-- Resource needs, the contribution ledger, the risk register, and the replicas they are checked against.
-- Money and quantities are numeric(19,4) (BigDecimal in Java, decimal strings in JSON): never floating point.

-- Replicas, kept from partners.v1 and projects.v1 (applied only when the event's version is newer).
create table partner_replica (
    id      uuid primary key,
    name    text   not null,
    sector  text   not null,
    status  text   not null,
    version bigint not null
);

create table project_replica (
    id                uuid primary key,
    title             text   not null,
    status            text   not null,
    lead_partner_id   uuid   not null,
    accepted_partners text[] not null default '{}',   -- partner ids of the ACCEPTED participants (lead included)
    version           bigint not null
);

create index project_replica_accepted on project_replica using gin (accepted_partners);

-- The per-project sequence of resources-summarised events: the row lock also orders concurrent summaries.
create table project_summary (
    project_id uuid primary key,
    sequence   bigint not null
);

create table need (
    id          uuid primary key,
    project_id  uuid          not null,
    type        text          not null check (type in ('FUNDING', 'STAFF_HOURS', 'VOLUNTEER_HOURS', 'FACILITY', 'EQUIPMENT', 'EXPERTISE', 'IN_KIND')),
    quantity    numeric(19,4) not null check (quantity > 0),
    unit        text          not null,
    dimension   text,
    description text,
    created_by  text          not null,
    created_at  timestamptz   not null,
    version     bigint        not null default 0
);

create index need_project on need (project_id, created_at, id);

create table contribution (
    id                 uuid primary key,
    project_id         uuid          not null,
    partner_id         uuid          not null,
    need_id            uuid references need (id),
    type               text          not null check (type in ('FUNDING', 'STAFF_HOURS', 'VOLUNTEER_HOURS', 'FACILITY', 'EQUIPMENT', 'EXPERTISE', 'IN_KIND')),
    quantity           numeric(19,4) not null check (quantity > 0),          -- as pledged; never rewritten
    unit               text          not null,
    valuation_amount   numeric(19,4) check (valuation_amount >= 0),
    valuation_currency text          check (valuation_currency ~ '^[A-Z]{3}$'),
    due_date           date,
    description        text,
    status             text          not null check (status in ('PLEDGED', 'PARTIALLY_DELIVERED', 'FULFILLED', 'WITHDRAWN')),
    delivered          numeric(19,4) not null default 0,                    -- sum of the delivery entries
    withdrawn          numeric(19,4) not null default 0,                    -- the undelivered remainder withdrawn
    withdrawal_reason  text,
    overdue_since      date,                                                -- set by the overdue job (event emitted)
    created_by         text          not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null default 0,
    constraint contribution_valuation_complete check ((valuation_amount is null) = (valuation_currency is null)),
    constraint contribution_delivered_within_pledge check (delivered >= 0 and withdrawn >= 0 and delivered + withdrawn <= quantity)
);

-- Commitments of one partner (keyset by creation), and a project's ledger.
create index contribution_partner on contribution (partner_id, created_at, id);
create index contribution_project on contribution (project_id, created_at, id);
create index contribution_need on contribution (need_id) where need_id is not null;
-- Open pledges by due date, for the overdue job.
create index contribution_open_due on contribution (due_date) where status in ('PLEDGED', 'PARTIALLY_DELIVERED');

-- Deliveries: append-only ledger entries. The lead's review is recorded once (confirm or dispute).
create table delivery (
    id              uuid primary key,
    contribution_id uuid          not null references contribution (id),
    quantity        numeric(19,4) not null check (quantity > 0),
    delivered_on    date          not null,
    note            text,
    evidence        text,
    recorded_by     text          not null,
    recorded_at     timestamptz   not null,
    review          text          not null default 'UNREVIEWED' check (review in ('UNREVIEWED', 'CONFIRMED', 'DISPUTED')),
    review_note     text,
    reviewed_by     text,
    reviewed_at     timestamptz
);

create index delivery_contribution on delivery (contribution_id, recorded_at, id);

create table risk (
    id               uuid primary key,
    project_id       uuid        not null,
    category         text        not null check (category in ('DEMAND', 'FINANCIAL', 'OPERATIONAL', 'DELIVERY', 'REGULATORY', 'REPUTATIONAL', 'SAFEGUARDING', 'DATA_PROTECTION', 'FORCE_MAJEURE')),
    title            text        not null,
    description      text,
    likelihood       integer     not null check (likelihood between 1 and 5),
    impact           integer     not null check (impact between 1 and 5),
    mitigation       text,
    owner_partner_id uuid        not null,
    status           text        not null check (status in ('OPEN', 'MITIGATED', 'MATERIALISED', 'CLOSED')),
    proposed_by      text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

create index risk_project on risk (project_id, created_at, id);

create table risk_allocation (
    risk_id       uuid         not null references risk (id),
    partner_id    uuid         not null,
    share_percent numeric(5,2) not null check (share_percent > 0 and share_percent <= 100),
    primary key (risk_id, partner_id)
);

create index risk_allocation_partner on risk_allocation (partner_id);

-- Status history of a risk: append-only.
create table risk_status_change (
    id          uuid primary key,
    risk_id     uuid        not null references risk (id),
    from_status text,
    to_status   text        not null,
    note        text,
    changed_by  text        not null,
    changed_at  timestamptz not null
);

create index risk_status_change_risk on risk_status_change (risk_id, changed_at);
