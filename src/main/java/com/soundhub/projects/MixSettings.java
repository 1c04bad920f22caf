package com.soundhub.projects;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;

/**
 * How a revision's audio files are mixed: for each track its gain (dB), pan (-1 left to +1
 * right), mute, solo and offset (ms from the start of the mix). Kept in the project as the file
 * {@value #PATH}, so that mixes are revisions, versioned and diffed like stems.
 */
public record MixSettings(List<Track> tracks) {

    /** Where a project keeps its mix. */
    public static final String PATH = "mix.soundhub.json";
    public static final double MAX_GAIN_DB = 12;
    public static final double MIN_GAIN_DB = -60;
    public static final long MAX_OFFSET_MS = 10 * 60 * 1000;

    /** One track's settings. */
    public record Track(String path, double gainDb, double pan, boolean mute, boolean solo, long offsetMs) {

        /** A track as it sounds when nobody has touched it. */
        public static Track neutral(String path) {
            return new Track(path, 0, 0, false, false, 0);
        }
    }

    public static final MixSettings NONE = new MixSettings(List.of());

    /** The track settings for {@code path}, or neutral ones. */
    public Track track(String path) {
        return tracks.stream().filter(track -> track.path().equals(path)).findFirst().orElse(Track.neutral(path));
    }

    /** Reads the settings from JSON: {"version": 1, "tracks": [...]}; what it does not understand is a mistake. */
    public static MixSettings parse(String json) {
        try (JsonReader reader = ProjectJson.JSON.createReader(new StringReader(json))) {
            return of(reader.readObject().getJsonArray("tracks"));
        } catch (JsonParsingException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("The mix is not written as {\"tracks\": [{\"path\": ..., \"gainDb\": ...}]}.", e);
        }
    }

    /** The tracks of a JSON array, as the API and the mix file give them. */
    public static MixSettings of(JsonArray tracks) {
        List<Track> list = new ArrayList<>();
        for (JsonValue value : tracks) {
            JsonObject track = value.asJsonObject();
            list.add(new Track(track.getString("path"), number(track, "gainDb"), number(track, "pan"),
                    track.getBoolean("mute", false), track.getBoolean("solo", false), (long) number(track, "offsetMs")));
        }
        return new MixSettings(List.copyOf(list));
    }

    /** The file's bytes: the same settings always give the same bytes, and so the same content hash. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = ProjectJson.JSON.createGeneratorFactory(java.util.Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(out, StandardCharsets.UTF_8)) {
            json.writeStartObject().write("version", 1).writeStartArray("tracks");
            tracks.stream().sorted(java.util.Comparator.comparing(Track::path)).forEach(track -> json.writeStartObject()
                    .write("path", track.path()).write("gainDb", track.gainDb()).write("pan", track.pan())
                    .write("mute", track.mute()).write("solo", track.solo()).write("offsetMs", track.offsetMs()).writeEnd());
            json.writeEnd().writeEnd();
        }
        return out.toByteArray();
    }

    private static double number(JsonObject track, String name) {
        JsonValue value = track.get(name);
        if (value == null || value == JsonValue.NULL) {
            return 0;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new IllegalArgumentException("\"" + name + "\" of " + track.getString("path", "a track") + " must be a number.");
        }
        return number.doubleValue();
    }
}
