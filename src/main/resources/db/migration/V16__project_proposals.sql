-- Proposals: takes contributed to a project by members who may not push to it. A proposal's files
-- travel as a push does (start, upload what is missing, check) in a push of kind PROPOSAL, which
-- stays open, keeping its contents, while the proposal is open. Accepting it commits that push as
-- a revision authored by the proposer; declining or withdrawing lets it expire.

ALTER TABLE project_pushes ADD COLUMN kind varchar(10) NOT NULL DEFAULT 'PUSH' CHECK (kind IN ('PUSH', 'PROPOSAL'));

CREATE TABLE project_proposals (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      bigint        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- #1, #2, ... per project, for its pages and API.
    number          integer       NOT NULL CHECK (number > 0),
    -- Cleared when the push is cleared away after the decision.
    push_id         uuid          UNIQUE REFERENCES project_pushes (id) ON DELETE SET NULL,
    proposer_id     bigint        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    base            integer       NOT NULL CHECK (base >= 0),
    instrument_id   smallint      REFERENCES instruments (id),
    note            varchar(2000) NOT NULL DEFAULT '',
    state           varchar(10)   NOT NULL CHECK (state IN ('OPEN', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    decided_by      bigint        REFERENCES members (id) ON DELETE SET NULL,
    decision_note   varchar(2000),
    revision        integer,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    decided_at      timestamptz,
    UNIQUE (project_id, number),
    CHECK ((state = 'ACCEPTED') = (revision IS NOT NULL))
);
CREATE INDEX project_proposals_open_idx ON project_proposals (project_id, number DESC);

-- What the proposal adds or replaces, kept for its page after its push is cleared away.
CREATE TABLE project_proposal_files (
    proposal_id     bigint        NOT NULL REFERENCES project_proposals (id) ON DELETE CASCADE,
    path            varchar(1024) NOT NULL,
    content_hash    char(64)      NOT NULL,
    size            bigint        NOT NULL,
    PRIMARY KEY (proposal_id, path)
);

-- The discussion of a proposal; at_ms places a comment at a moment of the take.
CREATE TABLE project_proposal_comments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id     bigint        NOT NULL REFERENCES project_proposals (id) ON DELETE CASCADE,
    author_id       bigint        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    body            varchar(2000) NOT NULL,
    at_ms           integer       CHECK (at_ms >= 0),
    created_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX project_proposal_comments_idx ON project_proposal_comments (proposal_id, id);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('LIKE', 'COMMENT', 'REPLY', 'FOLLOW', 'MESSAGE', 'INVITATION', 'PROPOSAL', 'DECISION'));
