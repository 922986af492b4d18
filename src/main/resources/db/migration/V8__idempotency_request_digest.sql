-- What the request asked for (method, path, fields, each file's SHA-256), so that the same
-- Idempotency-Key with a different request is refused instead of answered with the first one's
-- answer. Null on answers stored before: those are matched by path alone until they expire.
alter table idempotent_request add column request_digest varchar(64);
