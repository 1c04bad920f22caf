-- SoundHub schema, part 2: recordings, the uploads that bring their audio, and the job queue.

CREATE TABLE recordings (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Random, unguessable: unlisted recordings are shared by link and must not be enumerable.
    public_id          varchar(16)   NOT NULL UNIQUE,
    owner_id           bigint        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    title              varchar(200)  NOT NULL,
    description        varchar(5000) NOT NULL DEFAULT '',
    genre_id           smallint REFERENCES genres (id),
    bpm                smallint CHECK (bpm BETWEEN 20 AND 300),
    musical_key        varchar(16),
    license            varchar(24)   NOT NULL,
    visibility         varchar(10)   NOT NULL CHECK (visibility IN ('PUBLIC', 'UNLISTED', 'PRIVATE')),
    status             varchar(12)   NOT NULL CHECK (status IN ('PROCESSING', 'READY', 'FAILED')),
    origin             varchar(12)   NOT NULL DEFAULT 'UPLOAD' CHECK (origin IN ('UPLOAD', 'GENERATED', 'MIXDOWN')),
    duration_ms        integer,
    loudness_lufs      real,
    peaks              bytea,
    original_key       varchar(300),
    original_name      varchar(255),
    original_type      varchar(100),
    original_size      bigint,
    hls_prefix         varchar(300),
    hls_playlist       text,
    like_count         integer       NOT NULL DEFAULT 0,
    play_count         integer       NOT NULL DEFAULT 0,
    comment_count      integer       NOT NULL DEFAULT 0,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    published_at       timestamptz,
    updated_at         timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX recordings_owner_idx ON recordings (owner_id, created_at DESC, id DESC);
-- The public feed: newest first, keyset-paginated on (published_at, id).
CREATE INDEX recordings_public_feed_idx ON recordings (published_at DESC, id DESC)
    WHERE status = 'READY' AND visibility = 'PUBLIC';

CREATE TABLE recording_instruments (
    recording_id  bigint   NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    instrument_id smallint NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,
    PRIMARY KEY (recording_id, instrument_id)
);

CREATE TABLE recording_tags (
    recording_id bigint      NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    tag          varchar(40) NOT NULL,
    PRIMARY KEY (recording_id, tag)
);
CREATE INDEX recording_tags_tag_idx ON recording_tags (tag);

CREATE TABLE uploads (
    id               uuid         PRIMARY KEY,
    owner_id         bigint       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    recording_id     bigint       NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    state            varchar(20)  NOT NULL CHECK (state IN ('AWAITING_UPLOAD', 'UPLOADED', 'PROBING', 'TRANSCODING',
                                                            'READY', 'REJECTED', 'FAILED_RETRYING', 'DEAD', 'EXPIRED')),
    file_name        varchar(255) NOT NULL,
    declared_size    bigint       NOT NULL,
    declared_type    varchar(100) NOT NULL,
    object_key       varchar(300) NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    progress_percent smallint     NOT NULL DEFAULT 0,
    -- Why it was rejected or last failed, in words for the member.
    reason           varchar(500),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    expires_at       timestamptz  NOT NULL
);
CREATE INDEX uploads_owner_idx ON uploads (owner_id, created_at DESC);
CREATE INDEX uploads_recording_idx ON uploads (recording_id);
CREATE INDEX uploads_awaiting_idx ON uploads (expires_at) WHERE state = 'AWAITING_UPLOAD';
CREATE INDEX uploads_state_idx ON uploads (state, updated_at);

-- Every change of an upload's state, with its time: where a file stopped is always visible.
CREATE TABLE upload_transitions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    upload_id  uuid        NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    from_state varchar(20),
    to_state   varchar(20) NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    detail     varchar(500)
);
CREATE INDEX upload_transitions_upload_idx ON upload_transitions (upload_id, at);

-- The durable job queue (db-scheduler's table for PostgreSQL).
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    state                text,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
