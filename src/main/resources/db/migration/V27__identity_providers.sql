-- Sign-in with an OpenID Connect provider. An identity is the provider's subject, linked to one member.
CREATE TABLE member_identities (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id  bigint       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    provider   varchar(40)  NOT NULL,
    subject    varchar(255) NOT NULL,
    email      varchar(254),
    linked_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (provider, subject)
);
CREATE INDEX member_identities_member_idx ON member_identities (member_id);

-- A sign-in in flight, in the database so that the provider's answer may reach any instance: the
-- state (kept as its SHA-256; the browser holds it in a cookie too), the nonce and the PKCE
-- verifier; once the provider answered, who it vouched for while the person picks a nickname or
-- confirms with their password.
CREATE TABLE provider_sign_ins (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state_hash      bytea        NOT NULL UNIQUE,
    provider        varchar(40)  NOT NULL,
    nonce           varchar(100) NOT NULL,
    code_verifier   varchar(128) NOT NULL,
    linking_member  bigint       REFERENCES members (id) ON DELETE CASCADE,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    expires_at      timestamptz  NOT NULL,
    answered_at     timestamptz,
    subject         varchar(255),
    email           varchar(254),
    email_verified  boolean,
    name            varchar(200),
    finished_at     timestamptz
);
CREATE INDEX provider_sign_ins_expiry_idx ON provider_sign_ins (expires_at);
