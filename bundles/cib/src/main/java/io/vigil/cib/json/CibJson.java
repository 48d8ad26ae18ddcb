package io.vigil.cib.json;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import io.vigil.cib.CibParseException;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.OpExpression;
import io.vigil.cib.model.OrderConstraint;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.RscExpression;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;
import io.vigil.cib.model.Score;

/**
 * Vigil's JSON format for a whole snapshot: fields in record declaration order (stable), absent values
 * omitted, polymorphic objects tagged with "element" (the XML element name). Lossless for everything the model holds.
 */
public final class CibJson {

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .registerTypeAdapter(Score.class, new ScoreAdapter().nullSafe())
            .registerTypeAdapterFactory(new SealedAdapterFactory<>(Resource.class)
                    .with("primitive", Primitive.class).with("group", Group.class).with("clone", Clone.class))
            .registerTypeAdapterFactory(new SealedAdapterFactory<>(Constraint.class)
                    .with("rsc_location", LocationConstraint.class)
                    .with("rsc_colocation", ColocationConstraint.class)
                    .with("rsc_order", OrderConstraint.class))
            .registerTypeAdapterFactory(new SealedAdapterFactory<>(RuleCondition.class)
                    .with("expression", Expression.class).with("date_expression", DateExpression.class)
                    .with("rsc_expression", RscExpression.class).with("op_expression", OpExpression.class)
                    .with("rule", Rule.class))
            .create();

    private CibJson() {
    }

    /** The configured Gson, for the other codecs of this package (change lists). */
    static Gson gson() {
        return GSON;
    }

    public static String write(CibSnapshot snapshot) {
        return GSON.toJson(snapshot) + "\n";
    }

    public static CibSnapshot read(String json) throws CibParseException {
        return read(new StringReader(json));
    }

    /** Reads a snapshot; anything malformed becomes a {@link CibParseException} naming the JSON path. */
    public static CibSnapshot read(Reader json) throws CibParseException {
        JsonReader reader = new JsonReader(json);
        reader.setStrictness(Strictness.STRICT);
        try {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new CibParseException(reader.getPath(), "a Vigil CIB is a JSON object", null);
            }
            JsonElement tree = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new CibParseException(reader.getPath(), "unexpected content after the CIB object", null);
            }
            XmlSafeCheck.check(tree, "$");
            return GSON.fromJson(tree, CibSnapshot.class);
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new CibParseException(reader.getPath(), message(e), e);
        } catch (RuntimeException e) {
            // e.g. a null inside a list, refused by a record's constructor (gson wraps it)
            throw new CibParseException(reader.getPath(), "invalid value: " + message(e), e);
        }
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e || root.getMessage() == null ? m : m + " (" + root.getMessage() + ")";
    }
}
