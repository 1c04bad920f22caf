-- Notifications by mail, if a member asks for them: per kind, off by default, one digest a day at
-- most. The unsubscribe token is kept as it is mailed (it can only turn these mails off); the
-- links lead to the site's configured address, else to the one the member used when choosing.
CREATE TABLE notification_mail_settings (
    member_id          bigint      PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    kinds              varchar(12)[] NOT NULL DEFAULT '{}',
    unsubscribe_token  varchar(64) NOT NULL UNIQUE,
    site_origin        varchar(300) NOT NULL,
    last_digest_at     timestamptz,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_mail_settings_due_idx ON notification_mail_settings (last_digest_at) WHERE cardinality(kinds) > 0;
