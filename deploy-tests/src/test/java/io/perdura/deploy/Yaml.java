package io.perdura.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;

/** Reading YAML files and documents, and walking their trees by dotted paths. */
final class Yaml {

    private Yaml() {}

    /** The single document of a YAML file, as a map. */
    static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return parser().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every non-empty document of a YAML stream, as maps. */
    static List<Map<String, Object>> readAll(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : parser().loadAll(yaml)) {
            if (document != null) {
                documents.add(map(document, "document"));
            }
        }
        return documents;
    }

    /**
     * The node at a dotted path, where {@code [i]} picks a list element:
     * {@code at(deployment, "spec.template.spec.containers[0].ports[0].containerPort")}. Fails when a step is
     * missing.
     */
    static Object at(Object root, String path) {
        Object node = root;
        String walked = "";
        for (String step : path.split("\\.")) {
            String key = step.contains("[") ? step.substring(0, step.indexOf('[')) : step;
            walked = walked.isEmpty() ? step : walked + "." + step;
            if (!key.isEmpty()) {
                node = map(node, walked).get(key);
                if (node == null) {
                    throw new AssertionError("no " + walked);
                }
            }
            if (step.contains("[")) {
                int index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.indexOf(']')));
                List<Object> list = list(node, walked);
                if (index >= list.size()) {
                    throw new AssertionError("no " + walked);
                }
                node = list.get(index);
            }
        }
        return node;
    }

    /** The map at a dotted path. */
    static Map<String, Object> mapAt(Object root, String path) {
        return map(at(root, path), path);
    }

    /** The list at a dotted path. */
    static List<Object> listAt(Object root, String path) {
        return list(at(root, path), path);
    }

    /** The scalar at a dotted path, as a string. */
    static String stringAt(Object root, String path) {
        return Objects.toString(at(root, path));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String what) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new AssertionError(what + " is not a mapping: " + node);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String what) {
        if (node instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new AssertionError(what + " is not a sequence: " + node);
    }

    private static org.yaml.snakeyaml.Yaml parser() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new org.yaml.snakeyaml.Yaml(options);
    }
}
