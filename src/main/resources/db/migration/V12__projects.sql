-- Co-production projects: members, an immutable history of revisions, and file contents stored
-- once by their content hash. Nothing in a revision is ever updated or deleted, except when the
-- whole project is deleted by its owner.

CREATE TABLE projects (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Random, unguessable: unlisted and private projects must not be enumerable.
    public_id       varchar(16)   NOT NULL UNIQUE,
    title           varchar(120)  NOT NULL,
    description     varchar(5000) NOT NULL DEFAULT '',
    genre_id        smallint REFERENCES genres (id),
    bpm             smallint CHECK (bpm BETWEEN 20 AND 300),
    musical_key     varchar(16),
    time_signature  varchar(5),
    license         varchar(24)   NOT NULL,
    visibility      varchar(10)   NOT NULL CHECK (visibility IN ('PUBLIC', 'UNLISTED', 'PRIVATE')),
    cover_key       varchar(300),
    -- The newest revision's number; 0 before the first push. Pushes lock this row to number theirs.
    head            integer       NOT NULL DEFAULT 0,
    created_by      bigint        NOT NULL REFERENCES members (id),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX projects_public_idx ON projects (updated_at DESC, id DESC) WHERE visibility = 'PUBLIC';

-- The instruments a project is looking for players of.
CREATE TABLE project_wanted_instruments (
    project_id      bigint   NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    instrument_id   smallint NOT NULL REFERENCES instruments (id),
    PRIMARY KEY (project_id, instrument_id)
);
CREATE INDEX project_wanted_instruments_instrument_idx ON project_wanted_instruments (instrument_id, project_id);

CREATE TABLE project_members (
    project_id      bigint      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    member_id       bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    role            varchar(10) NOT NULL CHECK (role IN ('OWNER', 'PRODUCER', 'LISTENER')),
    joined_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, member_id)
);
CREATE INDEX project_members_member_idx ON project_members (member_id, project_id);

CREATE TABLE project_invitations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      bigint      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    member_id       bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    role            varchar(10) NOT NULL CHECK (role IN ('OWNER', 'PRODUCER', 'LISTENER')),
    invited_by      bigint      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, member_id)
);
CREATE INDEX project_invitations_member_idx ON project_invitations (member_id);

-- What happened in a project, for its page: invitations, joins, role changes, pushes.
CREATE TABLE project_activity (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      bigint       NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    actor_id        bigint       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    summary         varchar(300) NOT NULL,
    at              timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX project_activity_project_idx ON project_activity (project_id, id DESC);

-- One row per distinct content, shared by every revision and project that holds it. Its object
-- (projects/contents/<hash>) is written once, by the server, after the bytes were read back and
-- their hash checked; no presigned URL can write it.
CREATE TABLE project_contents (
    hash            char(64)    PRIMARY KEY,
    size            bigint      NOT NULL CHECK (size >= 0),
    crc32           bigint      NOT NULL,
    first_pushed_by bigint      REFERENCES members (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- Filled for audio by the media job.
    duration_ms     integer,
    sample_rate     integer,
    channels        smallint,
    loudness_lufs   real,
    peaks           bytea,
    hls_playlist    text,
    analysis        varchar(12) NOT NULL DEFAULT 'NONE' CHECK (analysis IN ('NONE', 'PENDING', 'DONE', 'FAILED')),
    analysis_note   varchar(300)
);
CREATE INDEX project_contents_created_idx ON project_contents (created_at);

CREATE TABLE project_revisions (
    project_id      bigint       NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number          integer      NOT NULL CHECK (number > 0),
    parent          integer      NOT NULL CHECK (parent >= 0),
    -- The revision the push started from; differs from parent when it was replayed onto newer work.
    base            integer      NOT NULL CHECK (base >= 0),
    author_id       bigint       NOT NULL REFERENCES members (id),
    message         varchar(500) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    added           integer      NOT NULL,
    changed         integer      NOT NULL,
    removed         integer      NOT NULL,
    file_count      integer      NOT NULL,
    total_size      bigint       NOT NULL,
    PRIMARY KEY (project_id, number)
);

-- Every revision's whole manifest. since_revision is where this path got this content, and
-- modified_at that revision's time: a checkout's file times.
CREATE TABLE project_revision_files (
    project_id      bigint        NOT NULL,
    revision        integer       NOT NULL,
    path            varchar(1024) NOT NULL,
    content_hash    char(64)      NOT NULL REFERENCES project_contents (hash),
    size            bigint        NOT NULL,
    since_revision  integer       NOT NULL,
    modified_at     timestamptz   NOT NULL,
    PRIMARY KEY (project_id, revision, path),
    FOREIGN KEY (project_id, revision) REFERENCES project_revisions (project_id, number) ON DELETE CASCADE
);
CREATE INDEX project_revision_files_content_idx ON project_revision_files (content_hash);
CREATE INDEX project_revision_files_history_idx ON project_revision_files (project_id, path, since_revision);

-- A replayed push that took a path someone else had changed since its base names the version it replaced.
CREATE TABLE project_revision_replacements (
    project_id      bigint        NOT NULL,
    revision        integer       NOT NULL,
    path            varchar(1024) NOT NULL,
    replaced_revision integer     NOT NULL,
    PRIMARY KEY (project_id, revision, path),
    FOREIGN KEY (project_id, revision) REFERENCES project_revisions (project_id, number) ON DELETE CASCADE
);

-- A push between its start and its commit: what it changes against its base, and the contents
-- it still has to send. Abandoned pushes expire and their uploads are deleted.
CREATE TABLE project_pushes (
    id              uuid         PRIMARY KEY,
    project_id      bigint       NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    author_id       bigint       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    base            integer      NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    expires_at      timestamptz  NOT NULL,
    committed_as    integer
);
CREATE INDEX project_pushes_expires_idx ON project_pushes (expires_at) WHERE committed_as IS NULL;

-- content_hash NULL: the path is removed.
CREATE TABLE project_push_changes (
    push_id         uuid          NOT NULL REFERENCES project_pushes (id) ON DELETE CASCADE,
    path            varchar(1024) NOT NULL,
    content_hash    char(64),
    size            bigint,
    PRIMARY KEY (push_id, path)
);
CREATE INDEX project_push_changes_content_idx ON project_push_changes (content_hash) WHERE content_hash IS NOT NULL;

-- Contents a push has to send: presigned PUTs go to incoming_key, never to the content's own object.
CREATE TABLE project_push_uploads (
    push_id         uuid         NOT NULL REFERENCES project_pushes (id) ON DELETE CASCADE,
    content_hash    char(64)     NOT NULL,
    size            bigint       NOT NULL,
    incoming_key    varchar(300) NOT NULL,
    multipart_id    varchar(1024),
    part_size       bigint,
    verified_at     timestamptz,
    PRIMARY KEY (push_id, content_hash)
);
