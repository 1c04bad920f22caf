package com.soundhub.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading and writing JSON with JSON-P, and the few lookups the client needs. */
final class Json {

    private static final JsonWriterFactory PRETTY =
            jakarta.json.Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private Json() {
    }

    static JsonObject parseObject(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
            throw new CliException("The answer is not the JSON object expected: " + e.getMessage());
        }
    }

    static String write(JsonStructure json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = jakarta.json.Json.createWriter(text)) {
            writer.write(json);
        }
        return text.toString();
    }

    static String writePretty(JsonStructure json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.write(json);
        }
        return text.toString().strip() + "\n";
    }

    static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }

    static String requiredString(JsonObject object, String name) {
        String value = string(object, name);
        if (value == null) {
            throw new CliException("The site's answer lacks \"" + name + "\"");
        }
        return value;
    }

    static long number(JsonObject object, String name, long otherwise) {
        JsonValue value = object.get(name);
        if (value instanceof JsonNumber number) {
            return number.longValueExact();
        }
        if (value instanceof JsonString string) {
            try {
                return Long.parseLong(string.getString());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    static long requiredNumber(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (!(value instanceof JsonNumber number)) {
            throw new CliException("The site's answer lacks the number \"" + name + "\"");
        }
        return number.longValueExact();
    }

    static boolean bool(JsonObject object, String name) {
        return object.get(name) == JsonValue.TRUE;
    }

    static JsonArray array(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }

    static JsonObject object(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value instanceof JsonObject inner ? inner : JsonValue.EMPTY_JSON_OBJECT;
    }

    static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>();
        for (JsonValue value : array) {
            if (value instanceof JsonObject object) {
                objects.add(object);
            }
        }
        return objects;
    }

    static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        for (JsonValue value : array) {
            if (value instanceof JsonString string) {
                strings.add(string.getString());
            }
        }
        return strings;
    }

    /** A count given either as a number or as the list of what it counts. */
    static long count(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonNumber number) {
            return number.longValue();
        }
        if (value instanceof JsonArray array) {
            return array.size();
        }
        return 0;
    }
}
