-- SoundHub schema, part 7: a recording's comments carry a version that every posted or deleted
-- comment moves on, so that the rendered comment list can be kept under it and is never shown
-- after it changed; and finding whether a member has commented on a recording reads one index.
ALTER TABLE recordings ADD COLUMN comments_version bigint NOT NULL DEFAULT 0;
CREATE INDEX comments_recording_author_idx ON comments (recording_id, author_id);
