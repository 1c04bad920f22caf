-- Comments on a project's file, at a moment of it when one is given: "the snare is late at 1:05".
-- A comment belongs to the path and names the revision and content it was made on, so a later
-- take of the same part shows which comments were about an earlier one.

CREATE TABLE project_file_comments (
    id           bigserial     PRIMARY KEY,
    project_id   bigint        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    path         varchar(1024) NOT NULL,
    revision     integer       NOT NULL CHECK (revision > 0),
    content_hash char(64)      NOT NULL,
    author_id    bigint        REFERENCES members (id) ON DELETE SET NULL,
    body         varchar(2000) NOT NULL,
    at_ms        integer       CHECK (at_ms >= 0),
    created_at   timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX project_file_comments_path_idx ON project_file_comments (project_id, path, created_at);
