-- The back office: the audit log of every admin action, why a member is suspended, the outcome of
-- reports, warnings and report outcomes as notifications, and when a session last confirmed its
-- password (dangerous admin actions ask for it again after ten minutes).

CREATE TABLE admin_audit (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz   NOT NULL DEFAULT now(),
    -- No foreign key: the log outlives the members it names.
    admin_id       bigint        NOT NULL,
    admin_nickname varchar(30)   NOT NULL,
    action         varchar(40)   NOT NULL,
    target_kind    varchar(20)   NOT NULL,
    target_ref     varchar(64)   NOT NULL,
    target_label   varchar(200)  NOT NULL DEFAULT '',
    reason         varchar(2000) NOT NULL DEFAULT ''
);
CREATE INDEX admin_audit_at_idx ON admin_audit (at DESC, id DESC);
CREATE INDEX admin_audit_target_idx ON admin_audit (target_kind, target_ref, id DESC);

-- Append-only: the database itself refuses to change or remove an entry, whoever asks.
CREATE FUNCTION admin_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit log is append-only: % is refused', TG_OP;
END
$$;
CREATE TRIGGER admin_audit_no_change BEFORE UPDATE OR DELETE ON admin_audit
    FOR EACH ROW EXECUTE FUNCTION admin_audit_is_append_only();
CREATE TRIGGER admin_audit_no_truncate BEFORE TRUNCATE ON admin_audit
    FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_is_append_only();

ALTER TABLE members ADD COLUMN suspension_reason varchar(500);

ALTER TABLE member_sessions ADD COLUMN password_confirmed_at timestamptz;

ALTER TABLE reports
    ADD COLUMN handled_by bigint REFERENCES members (id) ON DELETE SET NULL,
    ADD COLUMN handled_at timestamptz;
CREATE INDEX reports_target_idx ON reports (target_kind, target_ref) WHERE status = 'OPEN';

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('LIKE', 'COMMENT', 'REPLY', 'FOLLOW', 'MESSAGE', 'INVITATION', 'PROPOSAL', 'DECISION', 'WARNING',
                    'REPORT'));

-- A recording hidden by a moderator is private to its owner, who is told why; the visibility it
-- had (or that its owner chooses meanwhile) comes back when it is shown again.
ALTER TABLE recordings
    ADD COLUMN hidden_reason            varchar(500),
    ADD COLUMN visibility_before_hiding varchar(10) CHECK (visibility_before_hiding IN ('PUBLIC', 'UNLISTED', 'PRIVATE')),
    ADD CONSTRAINT recordings_hidden_private CHECK (hidden_reason IS NULL OR visibility = 'PRIVATE');

-- A member's recordings are hidden while they are suspended, and only those come back with them.
ALTER TABLE recordings ADD COLUMN hidden_with_owner boolean NOT NULL DEFAULT false;

-- Site settings an admin changes while the site runs: one row. A NULL limit means "as configured"
-- (the environment's setting, or its default).
CREATE TABLE site_settings (
    id                          boolean      PRIMARY KEY DEFAULT true CHECK (id),
    sign_ups_open               boolean      NOT NULL DEFAULT true,
    upload_max_megabytes        integer      CHECK (upload_max_megabytes BETWEEN 1 AND 10240),
    upload_max_minutes          integer      CHECK (upload_max_minutes BETWEEN 1 AND 600),
    generations_unfinished_max  integer      CHECK (generations_unfinished_max BETWEEN 0 AND 100),
    generations_per_day         integer      CHECK (generations_per_day BETWEEN 0 AND 10000),
    announcement                varchar(280),
    updated_at                  timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO site_settings (id) VALUES (true);
