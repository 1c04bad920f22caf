-- "Forgot password": single-use links good for an hour, kept as the SHA-256 of their token.
CREATE TABLE password_resets (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id   bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_resets_member_idx ON password_resets (member_id);

-- Every request, whether or not the address has an account: the limits per address and per client
-- count these, so the answer is the same either way.
CREATE TABLE password_reset_requests (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          varchar(254) NOT NULL,
    client_address varchar(64)  NOT NULL,
    at             timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX password_reset_requests_email_idx ON password_reset_requests (lower(email), at);
CREATE INDEX password_reset_requests_client_idx ON password_reset_requests (client_address, at);
