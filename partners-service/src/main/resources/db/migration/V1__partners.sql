-- Partner organisations and the users who represent them.
create extension if not exists pg_trgm;

create table partner (
    id                  uuid primary key,
    name                text        not null,
    legal_form          text        not null,
    registration_number text        not null,
    country             text        not null check (country ~ '^[A-Z]{2}$'),
    sector              text        not null check (sector in ('PUBLIC', 'THIRD_SECTOR', 'MARKET', 'COMMUNITY')),
    level               text        not null check (level in ('LOCAL', 'REGIONAL', 'NATIONAL', 'INTERNATIONAL')),
    service_domains     text[]      not null,
    capabilities        text        not null default '[]',   -- JSON array of {tag, capacity, unit}
    capability_tags     text[]      not null default '{}',
    description         text,
    website             text,
    contact_email       text,
    status              text        not null check (status in ('PENDING_VERIFICATION', 'ACTIVE', 'SUSPENDED', 'ARCHIVED')),
    status_reason       text,
    registered_by       text        not null,
    version             bigint      not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint partner_registration_unique unique (country, registration_number)
);

-- Listing and keyset pagination: by status, then alphabetically (lower(name), id).
create index partner_status_name on partner (status, lower(name), id);
create index partner_sector_name on partner (sector, status, lower(name), id);
create index partner_service_domains on partner using gin (service_domains);
create index partner_capability_tags on partner using gin (capability_tags);
create index partner_name_trgm on partner using gin (lower(name) gin_trgm_ops);

create table partner_member (
    user_id    text primary key,          -- token subject: a user represents at most one partner
    partner_id uuid        not null references partner (id),
    username   text,
    joined_at  timestamptz not null
);

create index partner_member_partner on partner_member (partner_id);
