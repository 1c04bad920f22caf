-- A deleted member's row stays behind as a tombstone, so that what others made with them (project
-- revisions, conversations, kept recordings) still has an author: "a former member". The email is
-- cleared so that the address can sign up again; the nickname becomes former-member-<id>.
ALTER TABLE members ALTER COLUMN email DROP NOT NULL;
ALTER TABLE members ADD COLUMN deleted_at timestamptz;
ALTER TABLE members DROP CONSTRAINT members_status_check;
ALTER TABLE members ADD CONSTRAINT members_status_check CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED'));
ALTER TABLE members ADD CONSTRAINT members_deleted_without_email
    CHECK ((status = 'DELETED') = (email IS NULL) AND (status = 'DELETED') = (deleted_at IS NOT NULL));

-- A member may report a direct message they received; the moderators read it, delete it or warn its sender.
ALTER TABLE reports DROP CONSTRAINT reports_target_kind_check;
ALTER TABLE reports ADD CONSTRAINT reports_target_kind_check CHECK (target_kind IN ('RECORDING', 'COMMENT', 'MEMBER', 'MESSAGE'));

-- A project hidden by a moderator is private to its members, who are told why; the visibility it
-- had (or that its owners choose meanwhile) comes back when it is shown again.
ALTER TABLE projects
    ADD COLUMN hidden_reason            varchar(500),
    ADD COLUMN visibility_before_hiding varchar(10) CHECK (visibility_before_hiding IN ('PUBLIC', 'UNLISTED', 'PRIVATE')),
    ADD CONSTRAINT projects_hidden_private CHECK (hidden_reason IS NULL OR visibility = 'PRIVATE');
