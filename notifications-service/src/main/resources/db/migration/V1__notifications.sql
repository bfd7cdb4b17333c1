-- notifications-service's own database: replicas of who to notify (from partners.v1 and projects.v1), the in-app
-- notifications, each user's preferences and the queue of e-mail to send. Nothing here is read by another service.

-- The members of each partner, from partners.v1 member events (registration's first member included): who "the
-- partner's members" are, with the e-mail address and language the event carried (absent: in-app only, English).
create table member (
    partner_id uuid not null,
    user_id    text not null,
    username   text not null,
    email      text,
    locale     text,
    primary key (partner_id, user_id)
);
create index member_user on member (user_id);

-- Partners' names and statuses (newer versions only), for the text of notifications.
create table partner_replica (
    id      uuid primary key,
    name    text   not null,
    status  text   not null,
    version bigint not null
);

-- Projects: title, lead and the participants with their status (newer versions only), from projects.v1.
create table project_replica (
    id                uuid primary key,
    title             text   not null,
    lead_partner_id   uuid   not null,
    accepted_partners text[] not null default '{}',
    version           bigint not null
);

-- One notification per recipient and causing event: the unique key makes a redelivered event (already stopped
-- by the inbox) or a second handler of the same event unable to notify twice.
create table notification (
    id          uuid primary key,
    user_id     text        not null,
    kind        text        not null,
    event_id    text        not null,
    project_id  uuid,
    partner_id  uuid,
    params      jsonb       not null default '{}',
    link        text        not null,
    created_at  timestamptz not null,
    read_at     timestamptz,
    -- DIGEST preference: waits for the daily digest (null once in a digest, or when not for the digest)
    digest_due  boolean     not null default false,
    unique (event_id, user_id, kind)
);
create index notification_user_page on notification (user_id, created_at desc, id desc);
create index notification_unread on notification (user_id) where read_at is null;
create index notification_digest on notification (user_id) where digest_due;

-- What a user wants per kind of notification: IN_APP only, EMAIL at once (the default), or a daily DIGEST.
create table preference (
    user_id text not null,
    kind    text not null,
    channel text not null,
    primary key (user_id, kind)
);

-- The e-mail queue (an outbox of mail): written in the transaction that creates the notification, sent by the
-- mail sender (rows claimed with FOR UPDATE SKIP LOCKED, so replicas never send one twice), retried with backoff
-- and then marked FAILED, never dropped.
create table outgoing_mail (
    id              uuid primary key,
    user_id         text        not null,
    recipient       text        not null,
    locale          text        not null,
    subject         text        not null,
    body_text       text        not null,
    body_html       text        not null,
    notification_id uuid,
    status          text        not null,   -- PENDING, SENT, FAILED
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index outgoing_mail_due on outgoing_mail (next_attempt_at) where status = 'PENDING';
create index outgoing_mail_failed on outgoing_mail (created_at desc, id desc) where status = 'FAILED';
