package io.perdura.sdk.internal.sandbox;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Class and method patterns the sandbox leaves alone: {@code com.acme.Foo#bar} (a method),
 * {@code com.acme.Foo} (a class and its nested classes), {@code com.acme.util.*} (a package and those below
 * it); {@code *} matches any run of characters, in class and method alike. A pattern matches code that
 * makes calls (its findings are dropped and what it calls is not followed) and the target of a call
 * ({@code java.lang.System#getenv} lets that call through everywhere).
 */
record AllowList(List<String> patterns) {

    static final AllowList NONE = new AllowList(List.of());

    AllowList {
        patterns = List.copyOf(patterns);
        for (String pattern : patterns) {
            if (pattern.isBlank() || pattern.chars().filter(c -> c == '#').count() > 1) {
                throw new IllegalArgumentException(
                        "sandbox allow-list pattern '" + pattern + "' must be a class, a class#method or a package.*");
            }
        }
    }

    /** Whether method {@code method} of class {@code className} (binary name, dots) is allowed. */
    boolean allows(String className, String method) {
        for (String pattern : patterns) {
            int hash = pattern.indexOf('#');
            String classPart = hash < 0 ? pattern : pattern.substring(0, hash);
            String methodPart = hash < 0 ? "*" : pattern.substring(hash + 1);
            if (matchesClass(classPart.strip(), className)
                    && glob(methodPart.strip()).matcher(method).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesClass(String pattern, String className) {
        Pattern p = glob(pattern);
        if (p.matcher(className).matches()) {
            return true;
        }
        int dollar = className.indexOf('$');
        return dollar > 0 && p.matcher(className.substring(0, dollar)).matches();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
