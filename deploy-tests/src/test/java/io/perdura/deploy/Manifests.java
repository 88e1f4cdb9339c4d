package io.perdura.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Kubernetes objects of a rendered chart. */
record Manifests(List<Map<String, Object>> objects) {

    /** The names of the objects of one kind. */
    List<String> names(String kind) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind")))
                .map(object -> Yaml.stringAt(object, "metadata.name"))
                .toList();
    }

    /** The object of a kind and name, if rendered. */
    Optional<Map<String, Object>> find(String kind, String name) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind")))
                .filter(object -> name.equals(Yaml.stringAt(object, "metadata.name")))
                .findFirst();
    }

    /** The object of a kind and name; fails when it was not rendered. */
    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + objects));
    }

    /** The first container of a Deployment or StatefulSet. */
    Map<String, Object> container(String kind, String name) {
        return Yaml.mapAt(get(kind, name), "spec.template.spec.containers[0]");
    }

    /** The string data of a ConfigMap ({@code data}) or Secret ({@code stringData}). */
    Map<String, Object> data(String kind, String name) {
        return Yaml.mapAt(get(kind, name), "ConfigMap".equals(kind) ? "data" : "stringData");
    }
}
