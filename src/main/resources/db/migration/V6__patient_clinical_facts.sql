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
