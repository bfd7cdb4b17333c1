-- Messaging plumbing tables, shared by every service (versions 0.x; services use 1 and up).

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
create table outbox_event (
    id             uuid primary key,                                -- the CloudEvents id
    position       bigint generated always as identity unique,      -- publication order
    topic          text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,                            -- the Kafka key
    type           text        not null,                            -- the CloudEvents type
    payload        jsonb       not null,                            -- the whole CloudEvents envelope
    occurred_at    timestamptz not null,
    correlation_id text,
    trace_context  text,                                            -- W3C traceparent
    published_at   timestamptz,
    attempts       integer     not null default 0
);

create index outbox_event_unpublished on outbox_event (position) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- Wake the relay as soon as a transaction that wrote events commits (NOTIFY is delivered on commit only).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;

create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Inbox: the events each consumer has applied, recorded in the same transaction as the effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index processed_event_processed_at on processed_event (processed_at);
