package org.imelab.agent.ipc;

import java.util.Locale;

/**
 * Parses what the {@code intunemanagementextension://} protocol handler is launched with. Only
 * {@code intunemanagementextension://syncapp} and {@code ://synccompliance} are accepted (scheme
 * and action in any case, one optional trailing slash); anything else, including anything that
 * looks like an attempt to smuggle in a path, query, other verb or command, is refused with a
 * message saying why. The check is on the raw text: nothing is decoded or normalised first.
 */
public final class MonikerUrl {

    public static final String SCHEME = "intunemanagementextension";
    private static final String PREFIX = SCHEME + "://";
    /** Longer than any valid URL by a margin; keeps error messages short. */
    private static final int MAX_LENGTH = 64;

    private MonikerUrl() {
    }

    /** A refused URL; the message is fit to show the person who launched it. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    /** The verb a valid moniker URL asks for: {@link IpcVerb#SYNCAPP} or {@link IpcVerb#SYNCCOMPLIANCE}. */
    public static IpcVerb parse(String url) throws RefusedException {
        if (url == null || url.isEmpty()) {
            throw new RefusedException("Refused: no URL given; expected intunemanagementextension://syncapp "
                    + "or intunemanagementextension://synccompliance");
        }
        if (url.length() > MAX_LENGTH) {
            throw new RefusedException("Refused: the URL is " + url.length() + " characters long; expected "
                    + "intunemanagementextension://syncapp or intunemanagementextension://synccompliance");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new RefusedException("Refused: the URL contains a space, control or non-ASCII character at "
                        + "position " + (i + 1) + ": " + show(url));
            }
        }
        // ASCII only from here, so case folding cannot turn a look-alike letter into a valid one
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(PREFIX)) {
            int colon = lower.indexOf(':');
            String scheme = colon > 0 ? url.substring(0, colon) : url;
            throw new RefusedException("Refused: '" + scheme + "' is not the intunemanagementextension:// scheme: "
                    + show(url));
        }
        String action = lower.substring(PREFIX.length());
        if (action.endsWith("/")) {
            action = action.substring(0, action.length() - 1);
        }
        for (int i = 0; i < action.length(); i++) {
            char c = action.charAt(i);
            if (c < 'a' || c > 'z') {
                throw new RefusedException("Refused: unexpected '" + c + "' after the action in " + show(url)
                        + "; the URL takes no path, query, port or parameters");
            }
        }
        return switch (action) {
            case "syncapp" -> IpcVerb.SYNCAPP;
            case "synccompliance" -> IpcVerb.SYNCCOMPLIANCE;
            case "" -> throw new RefusedException("Refused: no action in " + show(url)
                    + "; expected syncapp or synccompliance");
            default -> throw new RefusedException("Refused: unknown action '" + action + "' in " + show(url)
                    + "; expected syncapp or synccompliance");
        };
    }

    /** The URL for a moniker verb. */
    public static String of(IpcVerb verb) {
        if (verb != IpcVerb.SYNCAPP && verb != IpcVerb.SYNCCOMPLIANCE) {
            throw new IllegalArgumentException(verb + " has no moniker");
        }
        return PREFIX + verb.wire();
    }

    /** The URL as printable ASCII, quoted, so a hostile one cannot mess up a console or a log. */
    static String show(String url) {
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(url.length(), MAX_LENGTH);
        for (int i = 0; i < n; i++) {
            char c = url.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        if (url.length() > n) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }
}
