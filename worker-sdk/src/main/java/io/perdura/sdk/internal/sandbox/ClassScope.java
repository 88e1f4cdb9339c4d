package io.perdura.sdk.internal.sandbox;

import io.perdura.sdk.workflow.Workflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Which classes are the application's own, as seen from one workflow implementation class, and their
 * bytecode. A class is the application's when its class file comes from the same place (directory or jar)
 * as the workflow class, or when it shares the workflow class's package root (its first two package
 * names, {@code com.acme}); never when it is a JDK class or one of Perdura's own (the SDK, common, the
 * starter, the testing module) from elsewhere. Every other class (the
 * JDK, the SDK, libraries) is a leaf: calls into it are checked against {@link CallRules}, its code is not
 * read.
 */
final class ClassScope {

    private static final String SDK_BASE = base(Workflow.class.getClassLoader(), internalName(Workflow.class));
    private static final String[] JDK_PREFIXES = {"java/", "javax/", "jdk/", "sun/", "com/sun/", "org/w3c/", "org/xml/"
    };
    /** Perdura's own libraries: never application code unless they sit beside the workflow class (tests). */
    private static final String[] PERDURA_PREFIXES = {
        "io/perdura/sdk/", "io/perdura/common/", "io/perdura/spring/", "io/perdura/testing/"
    };

    private final ClassLoader loader;
    private final String rootBase;
    private final String packageRoot;
    private final Map<String, Boolean> app = new HashMap<>();
    private final Map<String, ClassNode> nodes = new HashMap<>();

    ClassScope(Class<?> root) {
        this.loader = root.getClassLoader() != null ? root.getClassLoader() : ClassLoader.getSystemClassLoader();
        this.rootBase = base(loader, internalName(root));
        String name = internalName(root);
        int first = name.indexOf('/');
        int second = first < 0 ? -1 : name.indexOf('/', first + 1);
        this.packageRoot = first < 0 ? "" : name.substring(0, second < 0 ? first + 1 : second + 1);
    }

    static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    /** Whether {@code internalName} is application code, to be read and followed. */
    boolean isApp(String internalName) {
        return app.computeIfAbsent(internalName, this::classify);
    }

    private boolean classify(String name) {
        if (name.startsWith("[")) {
            return false;
        }
        for (String prefix : JDK_PREFIXES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        String base = base(loader, name);
        if (base == null || base.startsWith("jrt:") || base.equals(SDK_BASE)) {
            return false;
        }
        if (base.equals(rootBase)) {
            return true;
        }
        for (String prefix : PERDURA_PREFIXES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return !packageRoot.isEmpty() && name.startsWith(packageRoot);
    }

    /** The class file of application class {@code internalName}, or null when it cannot be read. */
    ClassNode node(String internalName) {
        if (nodes.containsKey(internalName)) {
            return nodes.get(internalName);
        }
        ClassNode node = read(internalName);
        nodes.put(internalName, node);
        return node;
    }

    private ClassNode read(String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                return null;
            }
            ClassNode node = new ClassNode();
            new ClassReader(in).accept(node, ClassReader.SKIP_FRAMES);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + internalName, e);
        }
    }

    /** Where a class file comes from: its URL without the class's own path, or null when there is none. */
    private static String base(ClassLoader loader, String internalName) {
        URL url = loader == null
                ? ClassLoader.getSystemResource(internalName + ".class")
                : loader.getResource(internalName + ".class");
        if (url == null) {
            return null;
        }
        String s = url.toString();
        String suffix = internalName + ".class";
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }
}
