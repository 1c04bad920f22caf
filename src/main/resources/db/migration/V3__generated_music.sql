-- SoundHub schema, part 3: generated music. A generation is a request (genre, mood, tempo, length,
-- key, seed) and what came of it; its audio plays through an ordinary (at first private) recording.

CREATE TABLE generations (
    id                  uuid         PRIMARY KEY,
    owner_id            bigint       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    recording_id        bigint       NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    genre               varchar(24)  NOT NULL,
    mood                varchar(24)  NOT NULL,
    tempo_bpm           smallint     NOT NULL CHECK (tempo_bpm BETWEEN 60 AND 180),
    length_seconds      smallint     NOT NULL CHECK (length_seconds BETWEEN 30 AND 240),
    requested_key       varchar(24),
    seed                bigint       NOT NULL,
    state               varchar(16)  NOT NULL CHECK (state IN ('QUEUED', 'COMPOSING', 'RENDERING', 'TRANSCODING',
                                                              'READY', 'FAILED')),
    progress_percent    smallint     NOT NULL DEFAULT 0,
    reason              varchar(500),
    attempts            integer      NOT NULL DEFAULT 0,
    -- Demo pieces go public by themselves once made; members publish theirs by hand.
    publish_when_ready  boolean      NOT NULL DEFAULT false,
    title               varchar(200),
    played_key          varchar(24),
    duration_seconds    real,
    scale_consistency   real,
    pitch_class_entropy real,
    groove_consistency  real,
    empty_beat_rate     real,
    polyphony           real,
    pitch_range         smallint,
    compose_millis      integer,
    render_millis       integer,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    finished_at         timestamptz
);
CREATE INDEX generations_owner_idx ON generations (owner_id, created_at DESC);
-- How many pieces a member has waiting or in the making: the per-member limit counts these.
CREATE INDEX generations_unfinished_idx ON generations (owner_id) WHERE state NOT IN ('READY', 'FAILED');
