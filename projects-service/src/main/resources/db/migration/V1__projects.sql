-- Joint projects, their participants and indicators; replicas of partners and of resources summaries.

create table project (
    id                        uuid primary key,
    title                     text        not null,
    purpose                   text        not null,
    dimensions                text[]      not null,
    lead_partner_id           uuid        not null,
    status                    text        not null check (status in ('DRAFT', 'OPEN', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    planned_start             date        not null,
    planned_end               date        not null,
    required_coverage_percent integer     not null check (required_coverage_percent between 0 and 100),
    governance_rule           text        not null check (governance_rule in ('LEAD_DECIDES', 'MAJORITY', 'CONSENSUS', 'CROSS_SECTOR_MAJORITY')),
    created_by                text        not null,
    updated_by                text        not null,
    version                   bigint      not null default 0,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    constraint project_planned_dates check (planned_end >= planned_start)
);

-- Lists: newest first, keyset (created_at, id); filters by status and dimension.
create index project_created on project (created_at desc, id desc);
create index project_status_created on project (status, created_at desc, id desc);
create index project_dimensions on project using gin (dimensions);

-- Every participant, the lead included (role LEAD, ACCEPTED). One row per partner and project.
create table participant (
    id                    uuid primary key,
    project_id            uuid        not null references project (id),
    partner_id            uuid        not null,
    role                  text        not null check (role in ('LEAD', 'CO_PRODUCER', 'FUNDER', 'SERVICE_PROVIDER', 'ADVISOR')),
    status                text        not null check (status in ('INVITED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    message               text,
    invited_by            text        not null,
    invited_at            timestamptz not null,
    responded_by          text,
    responded_at          timestamptz,
    withdrawn_after_launch boolean    not null default false,
    constraint participant_unique unique (project_id, partner_id)
);

-- "My projects" and "invitations waiting for my partner".
create index participant_partner on participant (partner_id, status, invited_at, id);

create table indicator (
    id                 uuid primary key,
    project_id         uuid        not null references project (id),
    name               text        not null,
    unit               text        not null,
    baseline           numeric(19, 4) not null,
    target             numeric(19, 4) not null,
    latest_value       numeric(19, 4),
    latest_measured_at date,
    created_by         text        not null,
    created_at         timestamptz not null
);

create index indicator_project on indicator (project_id, created_at, id);

-- Append-only measurements of an indicator.
create table measurement (
    id           uuid primary key,
    indicator_id uuid        not null references indicator (id),
    value        numeric(19, 4) not null,
    measured_at  date        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);

create index measurement_indicator on measurement (indicator_id, measured_at);

-- Replica of partners.v1: what projects need to know about a partner organisation.
create table partner_replica (
    partner_id uuid primary key,
    name       text        not null,
    sector     text        not null,
    level      text,
    status     text        not null,
    version    bigint      not null,
    updated_at timestamptz not null
);

-- Replica of resources.v1 (partnership.project.resources-summarised.v1): the latest summary per project.
create table resources_summary (
    project_id             uuid primary key,
    sequence               bigint      not null,
    needs                  text        not null,   -- JSON array of {needId, type, unit, quantity, pledged, delivered, coveragePercent}
    open_risks             integer     not null,
    unallocated_open_risks text        not null,   -- JSON array of {riskId, title, allocatedPercent}
    updated_at             timestamptz not null
);
