-- Analysis of project audio by the media job: each content is analysed once, whichever projects
-- hold it. media_subject is the media job's subject, set when the analysis is queued (so a content
-- is queued once); analysis_attempts counts the attempts begun, for the record.
ALTER TABLE project_contents
    ADD COLUMN media_subject     uuid UNIQUE,
    ADD COLUMN analysis_attempts smallint NOT NULL DEFAULT 0;
