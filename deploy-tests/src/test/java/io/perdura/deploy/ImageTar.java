package io.perdura.deploy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A container image in a docker-save tar, as {@code jib:buildTar} writes it: its manifest, its configuration
 * and the file names in each of its layers.
 */
record ImageTar(JsonNode manifest, JsonNode config, Map<String, List<String>> layers) {

    /** Reads an image tar; layers may be gzip-compressed or plain tars. */
    static ImageTar read(Path tar) {
        JsonMapper mapper = JsonMapper.builder().build();
        Map<String, byte[]> jsonFiles = new HashMap<>();
        Map<String, List<String>> layers = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
            TarArchive.forEachFile(in, (name, content) -> {
                if (name.endsWith(".json")) {
                    jsonFiles.put(name, content.readAllBytes());
                } else {
                    layers.put(name, fileNames(name.endsWith(".gz") ? new GZIPInputStream(content) : content));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tar, e);
        }
        JsonNode manifest = mapper.readTree(jsonFiles.get("manifest.json")).get(0);
        JsonNode config = mapper.readTree(jsonFiles.get(manifest.path("Config").asString()));
        return new ImageTar(manifest, config, layers);
    }

    /** The tags the image is saved under, e.g. {@code perdura/history-service:0.1.0-SNAPSHOT}. */
    List<String> tags() {
        List<String> tags = new ArrayList<>();
        manifest.path("RepoTags").forEach(tag -> tags.add(tag.asString()));
        return tags;
    }

    /** The image's entrypoint. */
    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(part -> entrypoint.add(part.asString()));
        return entrypoint;
    }

    /** The ports the image exposes, e.g. {@code 7233/tcp}. */
    List<String> exposedPorts() {
        List<String> ports = new ArrayList<>();
        config.path("config").path("ExposedPorts").propertyNames().forEach(ports::add);
        return ports;
    }

    /** The layers, in the manifest's order, that hold a file. */
    List<String> layersHolding(String file) {
        List<String> holding = new ArrayList<>();
        manifest.path("Layers").forEach(layer -> {
            if (layers.getOrDefault(layer.asString(), List.of()).contains(file)) {
                holding.add(layer.asString());
            }
        });
        return holding;
    }

    private static List<String> fileNames(InputStream layer) throws IOException {
        List<String> names = new ArrayList<>();
        TarArchive.forEachFile(layer, (name, content) -> names.add(name));
        return names;
    }
}
