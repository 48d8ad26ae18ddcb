package io.vigil.cib.json;

import java.io.StringWriter;
import java.lang.reflect.Type;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;

import io.vigil.cib.CibParseException;
import io.vigil.cib.change.CibChange;

/**
 * Lists of {@link CibChange}s as JSON, in the same style as {@link CibJson} (each change tagged with its kind):
 * the form in which changes travel between the members of a cluster.
 */
public final class ChangeJson {

    private static final Gson GSON = CibJson.gson().newBuilder()
            .registerTypeAdapterFactory(new SealedAdapterFactory<>(CibChange.class)
                    .with("create-resource", CibChange.CreateResource.class)
                    .with("replace-resource", CibChange.ReplaceResource.class)
                    .with("delete-resource", CibChange.DeleteResource.class)
                    .with("create-constraint", CibChange.CreateConstraint.class)
                    .with("replace-constraint", CibChange.ReplaceConstraint.class)
                    .with("delete-constraint", CibChange.DeleteConstraint.class)
                    .with("create-node", CibChange.CreateNode.class)
                    .with("delete-node", CibChange.DeleteNode.class)
                    .with("create-fencing-level", CibChange.CreateFencingLevel.class)
                    .with("delete-fencing-level", CibChange.DeleteFencingLevel.class)
                    .with("set-property", CibChange.SetProperty.class)
                    .with("unset-property", CibChange.UnsetProperty.class)
                    .with("set-attribute", CibChange.SetAttribute.class)
                    .with("unset-attribute", CibChange.UnsetAttribute.class)
                    .with("record-operation", CibChange.RecordOperation.class)
                    .with("clear-fail-count", CibChange.ClearFailCount.class)
                    .with("set-transient-attribute", CibChange.SetTransientAttribute.class)
                    .with("unset-transient-attribute", CibChange.UnsetTransientAttribute.class)
                    .with("set-node-state", CibChange.SetNodeState.class)
                    .with("delete-operation-history", CibChange.DeleteOperationHistory.class)
                    .with("clear-transient-attributes", CibChange.ClearTransientAttributes.class)
                    .with("increment-transient-attribute", CibChange.IncrementTransientAttribute.class))
            .create();

    private static final Type LIST = new TypeToken<List<CibChange>>() { }.getType();

    private ChangeJson() {
    }

    /** Compact JSON (one line), whatever the pretty-printing of the snapshot format. */
    public static String write(List<CibChange> changes) {
        StringWriter out = new StringWriter();
        GSON.toJson(changes, LIST, new JsonWriter(out));
        return out.toString();
    }

    /** Reads a change list; anything malformed is a {@link CibParseException}. */
    public static List<CibChange> read(String json) throws CibParseException {
        try {
            List<CibChange> changes = GSON.fromJson(json, LIST);
            if (changes == null || changes.contains(null)) {
                throw new CibParseException("$", "a change list is a JSON array of changes", null);
            }
            return List.copyOf(changes);
        } catch (JsonParseException | IllegalStateException e) {
            throw new CibParseException("$", e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CibParseException("$", "invalid change: " + e.getMessage(), e);
        }
    }
}
