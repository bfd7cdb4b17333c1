-- The audit trail (#22): one entry per event of partners.v1, projects.v1 and resources.v1, in one SHA-256 hash chain.
-- seq is the position in the chain, assigned by the single writer (the chain's advisory lock, AuditWriter); each entry
-- stores the previous entry's hash and its own, computed over its content (AuditChain). Entries are never changed:
-- a trigger refuses UPDATE, and DELETE except by the retention job (which records where the kept chain starts).
create table audit_entry (
    seq              bigint primary key,
    event_id         uuid        not null unique,
    event_time       timestamptz not null,
    recorded_at      timestamptz not null default now(),
    source           text        not null,
    action           text        not null,
    object_type      text        not null,
    object_id        text        not null,
    project_id       uuid,
    partner_id       uuid,
    actor_sub        text,
    actor_username   text,
    actor_partner_id uuid,
    actor_roles      text,
    correlation_id   text,
    causation_id     text,
    changes          text,
    prev_hash        char(64)    not null,
    hash             char(64)    not null
);

-- the listing's filters, newest first (keyset on seq)
create index audit_entry_by_project on audit_entry (project_id, seq desc) where project_id is not null;
create index audit_entry_by_partner on audit_entry (partner_id, seq desc) where partner_id is not null;
create index audit_entry_by_actor_partner on audit_entry (actor_partner_id, seq desc) where actor_partner_id is not null;
create index audit_entry_by_actor on audit_entry (actor_username, seq desc);
create index audit_entry_by_action on audit_entry (action, seq desc);
create index audit_entry_by_correlation on audit_entry (correlation_id, seq desc) where correlation_id is not null;
create index audit_entry_by_time on audit_entry (event_time);

-- Where the kept chain starts after the retention job removed older entries: the last removed entry's seq and hash,
-- which the first kept entry's prev_hash must equal.
create table audit_anchor (
    id         smallint primary key default 1 check (id = 1),
    seq        bigint      not null,
    hash       char(64)    not null,
    pruned_at  timestamptz not null
);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('partnership.audit_retention', true) = 'on' then
        return old;
    end if;
    raise exception 'audit entries are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

-- The last data each object's events carried, to record the changed fields (before -> after) of the next one.
create table object_state (
    object_type text not null,
    object_id   text not null,
    data        text not null,
    primary key (object_type, object_id)
);

-- Project participation, a replica of projects.v1's project snapshots: who may read a project's entries.
create table project_participant (
    project_id uuid not null,
    partner_id uuid not null,
    role       text not null,
    status     text not null,
    primary key (project_id, partner_id)
);
create index project_participant_by_partner on project_participant (partner_id);
