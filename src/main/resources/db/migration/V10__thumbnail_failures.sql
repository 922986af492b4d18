-- Why a document has no thumbnail (damaged, past a decoding budget), once making one has failed:
-- a thumbnail that failed is never made again, so its signed URL answers at once. Null while none
-- was tried or one was made. Written to run unchanged on PostgreSQL and on H2 (PostgreSQL mode).
alter table document add column thumbnail_failure varchar(500);
