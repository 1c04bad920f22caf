-- Notifications about co-production projects (an invitation to join one). Notifications do not read
-- the projects' tables: what the notification shows and where it leads is copied into it when it
-- is raised.

ALTER TABLE notifications
    ADD COLUMN subject_title  varchar(200),
    ADD COLUMN subject_path   varchar(300),
    ADD COLUMN subject_detail varchar(100);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('LIKE', 'COMMENT', 'REPLY', 'FOLLOW', 'MESSAGE', 'INVITATION'));
