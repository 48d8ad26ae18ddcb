package io.vigil.cib.json;

import java.io.IOException;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import io.vigil.cib.model.Score;

/** Scores are written as Pacemaker prints them ("INFINITY", "-INFINITY", "100"); numbers are accepted too. */
final class ScoreAdapter extends TypeAdapter<Score> {

    @Override
    public void write(JsonWriter out, Score value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else {
            out.value(value.toString());
        }
    }

    @Override
    public Score read(JsonReader in) throws IOException {
        JsonToken t = in.peek();
        if (t == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        String path = in.getPath();
        if (t == JsonToken.NUMBER || t == JsonToken.STRING) {
            String text = in.nextString();
            return Score.tryParse(text).orElseThrow(() -> new JsonParseException(
                    path + ": '" + text + "' is not a score (use an integer, INFINITY or -INFINITY)"));
        }
        throw new JsonParseException(path + ": a score must be a string or a number, found " + t);
    }
}
