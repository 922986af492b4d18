-- Webhook signing secrets are stored encrypted (AES-256-GCM, "v1:" + base64 of nonce and sealed
-- bytes), which is longer than the secret itself. Rows still in the clear are sealed at start.
alter table webhook_endpoint alter column secret set data type varchar(400);
