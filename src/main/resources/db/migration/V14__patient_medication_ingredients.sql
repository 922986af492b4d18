-- The active ingredients of a medication read out of a file ("acetaminophen; hydrocodone" for Lortab),
-- beside the name as written; null for rows stored before ingredients were read.

alter table patient_medication add column ingredients varchar(1000);
