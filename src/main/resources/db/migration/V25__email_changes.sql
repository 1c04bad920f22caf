-- A new email address is used once it is confirmed from a link mailed to it (single use, a day,
-- kept as the SHA-256 of its token); the old address is told.
CREATE TABLE email_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id   bigint       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    new_email   varchar(254) NOT NULL,
    token_hash  bytea        NOT NULL UNIQUE,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    expires_at  timestamptz  NOT NULL,
    used_at     timestamptz
);
CREATE INDEX email_changes_member_idx ON email_changes (member_id);
