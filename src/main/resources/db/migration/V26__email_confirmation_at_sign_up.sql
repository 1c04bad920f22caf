-- A member confirms the address they signed up with by following a link mailed to it (single use,
-- a day, kept as the SHA-256 of its token); until then they browse and listen only. Everyone who
-- signed up before this confirmation existed keeps what they could do.
ALTER TABLE members ADD COLUMN email_confirmed_at timestamptz;
UPDATE members SET email_confirmed_at = created_at;

CREATE TABLE email_confirmations (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id   bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX email_confirmations_member_idx ON email_confirmations (member_id, created_at);
