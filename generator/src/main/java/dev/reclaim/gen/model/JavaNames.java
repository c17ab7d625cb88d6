package dev.reclaim.gen.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns policy names into legal, distinct Java names (docs/GENERATE.md, "Names"). Policy
 * identifiers are {@code [A-Za-z_][A-Za-z0-9_]*}, so the only hazards are Java's reserved words,
 * a lone {@code _}, names that differ only by case, and names that meet after case conversion;
 * {@link Scope} resolves the last two by numbering in declaration order, which keeps output stable.
 */
public final class JavaNames {
    /** Keywords, contextual keywords that cannot name a type, and the literals. */
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits",
            "non-sealed", "exports", "module", "open", "opens", "provides", "requires", "to", "transitive", "uses",
            "with");

    private JavaNames() {
    }

    /** Whether {@code s} is a reserved word or literal (or a restricted identifier) of Java 17. */
    public static boolean reserved(String s) {
        return RESERVED.contains(s);
    }

    /** A constant name: {@code noFs} and {@code no_fs} become {@code NO_FS}. */
    public static String constant(String name) {
        String s = String.join("_", words(name)).toUpperCase(Locale.ROOT);
        return legal(s);
    }

    /** A type name: {@code seed_2019_buggy} becomes {@code Seed2019Buggy}. */
    public static String type(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : words(name)) {
            b.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1).toLowerCase(Locale.ROOT));
        }
        return legal(b.toString());
    }

    /** A method name: {@code dm_thin} becomes {@code dmThin}; {@code int} becomes {@code int_}. */
    public static String method(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : words(name)) {
            b.append(b.length() == 0 ? w.toLowerCase(Locale.ROOT)
                    : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT));
        }
        return legal(b.toString());
    }

    /**
     * One package segment: lower case, characters other than letters, digits and {@code _} become
     * {@code _}, a leading digit gets a {@code _} before it, a reserved word a {@code _} after it.
     */
    public static String packageSegment(String segment) {
        StringBuilder b = new StringBuilder();
        for (char c : segment.toLowerCase(Locale.ROOT).toCharArray()) {
            b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        return legal(b.toString());
    }

    /** The default package of a policy: each dotted segment of its name by {@link #packageSegment}. */
    public static String packageOf(String policy) {
        List<String> out = new ArrayList<>();
        for (String seg : policy.split("\\.", -1)) {
            out.add(packageSegment(seg));
        }
        return String.join(".", out);
    }

    /** Whether {@code p} is a legal package name to write generated code into. */
    public static boolean legalPackage(String p) {
        if (p.isEmpty()) {
            return false;
        }
        for (String seg : p.split("\\.", -1)) {
            if (seg.isEmpty() || reserved(seg) || !Character.isJavaIdentifierStart(seg.charAt(0))) {
                return false;
            }
            for (char c : seg.toCharArray()) {
                if (!Character.isJavaIdentifierPart(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The words of a name: split at {@code _} and between a lower-case letter or digit and an
     * upper-case letter ({@code noFs}: no, Fs).
     */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char prev = 0;
        for (char c : name.toCharArray()) {
            boolean boundary = c == '_' || (Character.isUpperCase(c) && (Character.isLowerCase(prev)
                    || Character.isDigit(prev)));
            if (boundary && w.length() > 0) {
                words.add(w.toString());
                w.setLength(0);
            }
            if (c != '_') {
                w.append(c);
            }
            prev = c;
        }
        if (w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }

    /** Empty, a leading digit or a reserved word made legal. */
    private static String legal(String s) {
        if (s.isEmpty()) {
            return "_0";
        }
        if (Character.isDigit(s.charAt(0))) {
            s = "_" + s;
        }
        return reserved(s) ? s + "_" : s;
    }

    /**
     * Names of one Java namespace (the fields of a class, the types of a package). The first name
     * to claim a spelling keeps it; later ones get {@code _2}, {@code _3}, ... (types: {@code 2},
     * {@code 3}). Comparison ignores case, so that output also works on case-insensitive file
     * systems and two constants never differ by case alone.
     */
    public static final class Scope {
        private final Set<String> taken = new HashSet<>();
        private final String separator;

        /** A scope numbering clashes with {@code separator} before the number. */
        public Scope(String separator, String... reservedNames) {
            this.separator = separator;
            for (String r : reservedNames) {
                taken.add(r.toLowerCase(Locale.ROOT));
            }
        }

        /**
         * The first of {@code stem}, {@code stem2}, ... (with the separator) for which every
         * {@code stem + suffix} is free; claims them all and returns the stem.
         */
        public String claimGroup(String stem, String... suffixes) {
            String s = stem;
            for (int n = 2; !free(s, suffixes); n++) {
                s = stem + separator + n;
            }
            for (String suffix : suffixes) {
                taken.add((s + suffix).toLowerCase(Locale.ROOT));
            }
            return s;
        }

        private boolean free(String stem, String... suffixes) {
            for (String suffix : suffixes) {
                if (taken.contains((stem + suffix).toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        }

        /** {@code wanted}, or the first free numbered variant of it. */
        public String claim(String wanted) {
            String name = wanted;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = wanted + separator + n;
            }
            return name;
        }
    }
}
