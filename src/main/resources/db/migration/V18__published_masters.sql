-- A master published as a community recording: the recording says where it was made and whom it
-- credits (copied when it is published, as printed credits are), and the master which recording it
-- became. Each feature keeps its own side.

ALTER TABLE recordings
    ADD COLUMN made_in      varchar(200),
    ADD COLUMN made_in_path varchar(300),
    ADD COLUMN credits      varchar(2000);

ALTER TABLE project_masters
    ADD COLUMN recording_public_id varchar(16);
