-- The durable job queue and webhook endpoints, events and delivery attempts.
-- Written to run unchanged on PostgreSQL and on H2 (PostgreSQL mode).

-- One row per job waiting, running or dead; a job that succeeds is deleted.
-- status: 'ready' (waits for run_at), 'running' (claimed: lease_token/lease_until name the claim),
-- 'dead' (gave up; kept until someone retries or deletes it).
create table job (
    id               varchar(36)  primary key,
    type             varchar(100) not null,
    organization_id  varchar(64)  references organization (id),
    payload          text         not null,
    status           varchar(16)  not null,
    run_at           timestamp with time zone not null,
    attempts         integer      not null,
    lease_token      varchar(36),
    lease_until      timestamp with time zone,
    last_error       varchar(1000),
    -- When it was enqueued (or revived from dead); retry horizons count from here.
    enqueued_at      timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
-- The claim reads due jobs by status and time; the listing reads an organization's jobs by status.
create index job_due on job (status, run_at);
create index job_organization on job (organization_id, status, updated_at);

create table webhook_endpoint (
    id               varchar(36)  primary key,
    organization_id  varchar(64)  not null references organization (id),
    url              varchar(2000) not null,
    -- Space-separated event types, or '*' for every type.
    events           varchar(1000) not null,
    -- whsec_… signing secret. It must be readable to sign, so it is stored as issued.
    secret           varchar(100) not null,
    disabled_at      timestamp with time zone,
    disabled_reason  varchar(200),
    created_at       timestamp with time zone not null
);
create index webhook_endpoint_organization on webhook_endpoint (organization_id, created_at);

-- The exact body of an announced event, so every retry and replay sends the same bytes.
create table webhook_event (
    id               varchar(36)  primary key,
    organization_id  varchar(64)  not null references organization (id),
    type             varchar(64)  not null,
    body             text         not null,
    created_at       timestamp with time zone not null
);
create index webhook_event_organization on webhook_event (organization_id, created_at);

-- One row per attempt to deliver an event to an endpoint.
create table webhook_delivery (
    id               varchar(36)  primary key,
    organization_id  varchar(64)  not null references organization (id),
    endpoint_id      varchar(36)  not null references webhook_endpoint (id) on delete cascade,
    event_id         varchar(36)  not null references webhook_event (id),
    event_type       varchar(64)  not null,
    attempt          integer      not null,
    status           varchar(16)  not null,
    status_code      integer,
    error            varchar(300),
    attempted_at     timestamp with time zone not null
);
create index webhook_delivery_endpoint on webhook_delivery (organization_id, endpoint_id, attempted_at);
