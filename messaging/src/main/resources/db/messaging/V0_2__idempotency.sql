-- Idempotent creates: the first response to (principal, Idempotency-Key) is stored with the change it made, in
-- the same transaction, and replayed for retries. Pruned after partnership.idempotency.retention.
create table idempotency_record (
    principal       text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    status          integer     not null,
    location        text,
    etag            text,
    body            text,
    created_at      timestamptz not null default now(),
    primary key (principal, idempotency_key)
);

create index idempotency_record_created_at on idempotency_record (created_at);
