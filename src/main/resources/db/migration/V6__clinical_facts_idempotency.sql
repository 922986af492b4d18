-- Medications and allergies read out of a patient's own files (PDF and TXT uploads), by source.

create table patient_medication (
    patient_id       bigint        not null references patient (id),
    organization_id  varchar(64)   not null,
    source           varchar(60)   not null,
    position         integer       not null,
    name             varchar(500)  not null,
    dose             varchar(200),
    route            varchar(100),
    frequency        varchar(200),
    primary key (patient_id, source, position)
);

create table patient_allergy (
    patient_id       bigint        not null references patient (id),
    organization_id  varchar(64)   not null,
    source           varchar(60)   not null,
    position         integer       not null,
    substance        varchar(500)  not null,
    reaction         varchar(500),
    primary key (patient_id, source, position)
);

-- Idempotency-Key: the first answer to a POST, replayed to retries with the same key.
create table idempotent_request (
    organization_id  varchar(64)   not null,
    idempotency_key  varchar(255)  not null,
    method           varchar(10)   not null,
    path             varchar(1000) not null,
    status           integer,
    content_type     varchar(200),
    body             bytea,
    started_at       timestamp with time zone not null,
    completed_at     timestamp with time zone,
    primary key (organization_id, idempotency_key)
);
