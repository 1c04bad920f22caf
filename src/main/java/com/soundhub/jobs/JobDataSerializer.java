package com.soundhub.jobs;

import java.nio.charset.StandardCharsets;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

/**
 * Job data is a plain string (an id), stored as readable UTF-8 rather than as a serialized Java
 * object, so rows can be read and fixed by hand and no class change can break waiting jobs.
 */
public class JobDataSerializer implements Serializer {

    @Override
    public byte[] serialize(Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof String text)) {
            throw new IllegalArgumentException("Job data must be a String, not " + data.getClass().getName());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (type != String.class && type != Object.class) {
            throw new IllegalArgumentException("Job data must be a String, not " + type.getName());
        }
        return type.cast(new String(bytes, StandardCharsets.UTF_8));
    }
}
