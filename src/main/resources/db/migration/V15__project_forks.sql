-- Forks: a project made from a revision of another. Its r1 holds the source revision's files (the
-- same contents, no bytes copied). The source's licence at the time of the fork is kept: the
-- fork's licence must stay compatible with it even if the source later changes or is deleted.

ALTER TABLE projects
    ADD COLUMN forked_from_id       bigint REFERENCES projects (id) ON DELETE SET NULL,
    ADD COLUMN forked_from_revision integer CHECK (forked_from_revision > 0),
    ADD COLUMN forked_from_license  varchar(24),
    ADD CONSTRAINT projects_fork_complete CHECK (
        (forked_from_license IS NULL AND forked_from_revision IS NULL AND forked_from_id IS NULL)
        OR (forked_from_license IS NOT NULL AND forked_from_revision IS NOT NULL));

CREATE INDEX projects_forked_from_idx ON projects (forked_from_id) WHERE forked_from_id IS NOT NULL;
