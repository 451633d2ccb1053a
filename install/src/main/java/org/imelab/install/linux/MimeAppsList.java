package org.imelab.install.linux;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code mimeapps.list} (XDG MIME Applications Associations): reads and sets the
 * {@code [Default Applications]} entry of one MIME type, keeping every other line as it is.
 */
public final class MimeAppsList {
    static final String DEFAULTS = "[Default Applications]";

    private final List<String> lines;

    private MimeAppsList(List<String> lines) {
        this.lines = lines;
    }

    public static MimeAppsList parse(String text) {
        return new MimeAppsList(text.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split("\n", -1))));
    }

    /** The first desktop id that is the default for {@code mimeType}. */
    public Optional<String> defaultFor(String mimeType) {
        boolean in = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("[")) {
                in = t.equals(DEFAULTS);
            } else if (in && t.startsWith(mimeType + "=")) {
                String first = t.substring(mimeType.length() + 1).split(";")[0].strip();
                return first.isEmpty() ? Optional.empty() : Optional.of(first);
            }
        }
        return Optional.empty();
    }

    /** Makes {@code desktopId} the default for {@code mimeType}. */
    public MimeAppsList withDefault(String mimeType, String desktopId) {
        List<String> out = new ArrayList<>(lines);
        int section = -1;
        for (int i = 0; i < out.size(); i++) {
            String t = out.get(i).strip();
            if (t.equals(DEFAULTS)) {
                section = i;
            } else if (section >= 0 && t.startsWith("[")) {
                break;
            } else if (section >= 0 && t.startsWith(mimeType + "=")) {
                out.set(i, mimeType + "=" + desktopId);
                return new MimeAppsList(out);
            }
        }
        if (section < 0) {
            if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            if (!out.isEmpty()) {
                out.add("");
            }
            out.add(DEFAULTS);
            out.add(mimeType + "=" + desktopId);
            out.add("");
        } else {
            out.add(section + 1, mimeType + "=" + desktopId);
        }
        return new MimeAppsList(out);
    }

    /** Removes {@code desktopId} from the defaults of {@code mimeType} (and the line when it empties). */
    public MimeAppsList withoutDefault(String mimeType, String desktopId) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("[")) {
                in = t.equals(DEFAULTS);
            } else if (in && t.startsWith(mimeType + "=")) {
                List<String> ids = new ArrayList<>(Arrays.asList(t.substring(mimeType.length() + 1).split(";")));
                ids.removeIf(id -> id.strip().equals(desktopId) || id.isBlank());
                if (ids.isEmpty()) {
                    continue;
                }
                line = mimeType + "=" + String.join(";", ids) + ";";
            }
            out.add(line);
        }
        return new MimeAppsList(out);
    }

    public String text() {
        return String.join("\n", lines);
    }
}
