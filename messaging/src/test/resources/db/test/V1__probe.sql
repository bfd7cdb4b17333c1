-- The probe aggregate whose changes produce events, and the effect its consumer records per applied event.
create table probe (
    id   uuid primary key,
    name text not null
);

-- Deliberately no unique constraint: a second effect of the same event would show up as a second row.
create table probe_effect (
    event_id   text        not null,
    subject    text        not null,
    applied_at timestamptz not null default clock_timestamp()
);
