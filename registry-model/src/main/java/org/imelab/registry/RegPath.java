package org.imelab.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A key path: a hive, the key names below it, and the view it is read in. Names keep the case they
 * were given with, but compare without case, as Windows does.
 */
public final class RegPath {
    private final Hive hive;
    private final List<String> segments;
    private final RegistryView view;

    public RegPath(Hive hive, List<String> segments, RegistryView view) {
        this.hive = Objects.requireNonNull(hive, "hive");
        this.view = Objects.requireNonNull(view, "view");
        for (String s : segments) {
            if (s == null || s.isEmpty() || s.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("Invalid key name '" + s + "' in " + segments);
            }
            if (s.length() > 255) {
                throw new IllegalArgumentException("Key name longer than 255 characters: " + s);
            }
        }
        this.segments = List.copyOf(segments);
    }

    /** The root of a hive in the 64-bit view. */
    public static RegPath of(Hive hive, String... segments) {
        return new RegPath(hive, Arrays.asList(segments), RegistryView.VIEW_64);
    }

    /**
     * Parses {@code HKLM\SOFTWARE\Foo} or {@code HKEY_LOCAL_MACHINE\SOFTWARE\Foo}; empty segments
     * (doubled or trailing backslashes) are ignored, like reg.exe does.
     */
    public static RegPath parse(String text) {
        return parse(text, RegistryView.VIEW_64);
    }

    public static RegPath parse(String text, RegistryView view) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Empty registry path");
        }
        String[] parts = trimmed.split("\\\\");
        Hive hive = Hive.parse(parts[0]);
        List<String> segs = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                segs.add(parts[i]);
            }
        }
        return new RegPath(hive, segs, view);
    }

    public Hive hive() {
        return hive;
    }

    public List<String> segments() {
        return segments;
    }

    public RegistryView view() {
        return view;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last key name, or the hive's long name for a root. */
    public String name() {
        return segments.isEmpty() ? hive.longName() : segments.get(segments.size() - 1);
    }

    public RegPath parent() {
        if (segments.isEmpty()) {
            throw new IllegalStateException("A hive root has no parent: " + this);
        }
        return new RegPath(hive, segments.subList(0, segments.size() - 1), view);
    }

    /** A descendant; each argument may itself contain backslashes. */
    public RegPath child(String... names) {
        List<String> segs = new ArrayList<>(segments);
        for (String name : names) {
            for (String part : name.split("\\\\")) {
                if (!part.isEmpty()) {
                    segs.add(part);
                }
            }
        }
        return new RegPath(hive, segs, view);
    }

    public RegPath withView(RegistryView newView) {
        return new RegPath(hive, segments, newView);
    }

    /** True when this path is {@code other} or below it (case-insensitive). */
    public boolean startsWith(RegPath other) {
        if (hive != other.hive || other.segments.size() > segments.size()) {
            return false;
        }
        for (int i = 0; i < other.segments.size(); i++) {
            if (!segments.get(i).equalsIgnoreCase(other.segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code HKEY_LOCAL_MACHINE\SOFTWARE\Foo}, as regedit writes it. */
    @Override
    public String toString() {
        return segments.isEmpty() ? hive.longName() : hive.longName() + "\\" + String.join("\\", segments);
    }

    /** {@code HKLM\SOFTWARE\Foo}, as reg.exe prints it. */
    public String toShortString() {
        return segments.isEmpty() ? hive.shortName() : hive.shortName() + "\\" + String.join("\\", segments);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegPath other) || hive != other.hive || view != other.view
                || segments.size() != other.segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i).equalsIgnoreCase(other.segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(hive, view);
        for (String s : segments) {
            h = 31 * h + s.toLowerCase(Locale.ROOT).hashCode();
        }
        return h;
    }
}
