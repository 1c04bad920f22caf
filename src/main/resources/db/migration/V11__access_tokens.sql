-- SoundHub schema, part 11: personal access tokens for the JSON API (/api/v1), created by members
-- on their settings page. Only the SHA-256 of a token is kept; the token itself is shown once.
-- A revoked token's row is deleted; a deleted member's tokens go with them.

CREATE TABLE access_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id    bigint       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    token_hash   bytea        NOT NULL UNIQUE,
    name         varchar(60)  NOT NULL,
    scope        varchar(10)  NOT NULL CHECK (scope IN ('READ', 'WRITE')),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz
);
CREATE INDEX access_tokens_member_idx ON access_tokens (member_id, created_at);
