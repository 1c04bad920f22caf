-- Contents held by something outside projects under a name: a generated piece keeps its stems and
-- MIDI file in the content store, so that opening it as a project writes a manifest and copies no
-- bytes. A held content is never deleted as unreferenced; its holder releases it when it goes.

CREATE TABLE project_content_holds (
    holder       uuid         NOT NULL,
    name         varchar(255) NOT NULL,
    content_hash char(64)     NOT NULL REFERENCES project_contents (hash),
    PRIMARY KEY (holder, name)
);
CREATE INDEX project_content_holds_hash_idx ON project_content_holds (content_hash);
