-- The derived steps of an upload (reading medications and allergies out of a document's text,
-- making its thumbnail) that failed for good, shown on the patient, the upload and its webhook so a
-- failure in the background is not silent. One row per subject and step: a later failure replaces
-- it, a later success removes it. The reason is written for users (no stack trace, no patient data);
-- the job's technical detail stays on the job. Runs unchanged on PostgreSQL and on H2 (PostgreSQL mode).
create table derived_step_failure (
    organization_id  varchar(64)   not null,
    subject          varchar(100)  not null,
    step             varchar(40)   not null,
    upload_id        varchar(64),
    patient_id       bigint,
    job_id           varchar(64),
    failed_at        timestamp with time zone not null,
    reason           varchar(500)  not null,
    primary key (organization_id, subject, step)
);

create index derived_step_failure_upload on derived_step_failure (organization_id, upload_id);
create index derived_step_failure_patient on derived_step_failure (organization_id, patient_id);
