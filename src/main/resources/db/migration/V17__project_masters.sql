-- Masters: a revision's mix bounced by the media job (ffmpeg, the mix's gain, pan, mute, solo and
-- offsets) into one lossless file, kept as a project content (and so analysed and streamed like
-- any audio file of the project). The id is the media job's subject.

CREATE TABLE project_masters (
    id              uuid          PRIMARY KEY,
    project_id      bigint        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    revision        integer       NOT NULL CHECK (revision > 0),
    state           varchar(10)   NOT NULL CHECK (state IN ('QUEUED', 'MIXING', 'DONE', 'FAILED')),
    percent         smallint      NOT NULL DEFAULT 0,
    note            varchar(300),
    content_hash    char(64),
    duration_ms     integer,
    created_by      bigint        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CHECK ((state = 'DONE') = (content_hash IS NOT NULL))
);
CREATE INDEX project_masters_project_idx ON project_masters (project_id, created_at DESC);
CREATE INDEX project_masters_content_idx ON project_masters (content_hash) WHERE content_hash IS NOT NULL;
