-- Isolation by construction: every row of tenant data names its organization, and a child row can
-- only point at a parent of the same organization. Until now case medications, allergies and notes
-- and upload row errors were reached by their parent's id alone, so isolation rested on every
-- caller having checked the parent first.
-- Written to run unchanged on PostgreSQL and on H2 (PostgreSQL mode).

-- The parents' (organization_id, id) pairs, for the composite foreign keys below.
alter table patient add constraint patient_of_organization unique (organization_id, id);
alter table appointment_case add constraint appointment_case_of_organization unique (organization_id, id);
alter table upload add constraint upload_of_organization unique (organization_id, id);
alter table webhook_endpoint add constraint webhook_endpoint_of_organization unique (organization_id, id);
alter table webhook_event add constraint webhook_event_of_organization unique (organization_id, id);

-- The four child tables that lacked the column: added, filled from the parent row, then required.
alter table case_medication add column organization_id varchar(64);
update case_medication set organization_id =
    (select c.organization_id from appointment_case c where c.id = case_medication.case_id);
alter table case_medication alter column organization_id set not null;
alter table case_medication add constraint case_medication_case
    foreign key (organization_id, case_id) references appointment_case (organization_id, id);

alter table case_allergy add column organization_id varchar(64);
update case_allergy set organization_id =
    (select c.organization_id from appointment_case c where c.id = case_allergy.case_id);
alter table case_allergy alter column organization_id set not null;
alter table case_allergy add constraint case_allergy_case
    foreign key (organization_id, case_id) references appointment_case (organization_id, id);

alter table case_note add column organization_id varchar(64);
update case_note set organization_id =
    (select c.organization_id from appointment_case c where c.id = case_note.case_id);
alter table case_note alter column organization_id set not null;
alter table case_note add constraint case_note_case
    foreign key (organization_id, case_id) references appointment_case (organization_id, id);

alter table upload_row_error add column organization_id varchar(64);
update upload_row_error set organization_id =
    (select u.organization_id from upload u where u.id = upload_row_error.upload_id);
alter table upload_row_error alter column organization_id set not null;
alter table upload_row_error add constraint upload_row_error_upload
    foreign key (organization_id, upload_id) references upload (organization_id, id);

-- Tables that had the column but whose parent could still be another organization's.
alter table appointment_case add constraint appointment_case_patient
    foreign key (organization_id, patient_id) references patient (organization_id, id);
-- patient_id is null until a document by MRN is matched: a null pair is not checked.
alter table document add constraint document_patient
    foreign key (organization_id, patient_id) references patient (organization_id, id);
alter table patient_medication add constraint patient_medication_patient
    foreign key (organization_id, patient_id) references patient (organization_id, id);
alter table patient_allergy add constraint patient_allergy_patient
    foreign key (organization_id, patient_id) references patient (organization_id, id);
-- Cascades like the endpoint_id key of V3, so that deleting an endpoint still drops its deliveries.
alter table webhook_delivery add constraint webhook_delivery_endpoint
    foreign key (organization_id, endpoint_id) references webhook_endpoint (organization_id, id) on delete cascade;
alter table webhook_delivery add constraint webhook_delivery_event
    foreign key (organization_id, event_id) references webhook_event (organization_id, id);

-- patient_group_member and patient_event keep their single-column (or no) patient key: they are the
-- bulk ingest path (one row per uploaded patient or event), where a second per-row check costs more
-- than the insert (see V2); their writers take patient ids only from the same organization's lookup.
