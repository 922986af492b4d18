-- An organization can make anonymize=true the default of its patient uploads (an upload that
-- says anonymize=false still keeps its record as sent).
alter table organization add column anonymize_uploads boolean default false not null;
