package org.imelab.agent.win32app.graph;

/**
 * One {@code FlatDependencies} entry: {@code AppId} (the parent) relates to {@code ChildId} by
 * {@code Action}: 0 Detect (a dependency with "automatically install" off), 10 Install (a
 * dependency installed automatically), 100 Update and 110 Replace (supersedence: the parent
 * supersedes the child).
 */
public record Relation(String parentId, String childId, int action) {
    public static final int DETECT = 0;
    public static final int INSTALL = 10;
    public static final int UPDATE = 100;
    public static final int REPLACE = 110;

    /** Whether the action is one of the four the service sends. */
    public boolean known() {
        return action == DETECT || action == INSTALL || action == UPDATE || action == REPLACE;
    }

    /** Whether the parent needs the child (a dependency, auto-installed or detect-only). */
    public boolean isDependency() {
        return action == INSTALL || action == DETECT;
    }

    /** A dependency the agent only detects and never installs ("automatically install" off). */
    public boolean isDetectOnly() {
        return action == DETECT;
    }

    /** The parent supersedes the child (Update or Replace). */
    public boolean isSupersedence() {
        return action == UPDATE || action == REPLACE;
    }

    /** Replace: the superseded child is uninstalled before the superseding parent installs. */
    public boolean isReplace() {
        return action == REPLACE;
    }

    /**
     * The app processed first. A dependency precedes the app that needs it, and a superseded app
     * to be replaced is uninstalled before its successor installs ("apps with intent to uninstall
     * before enforcing installs"); an app superseded by Update is looked at after its successor
     * has upgraded it in place, so its state says what the upgrade left.
     */
    public String first() {
        return action == UPDATE ? parentId : childId;
    }

    /** The app processed after {@link #first()}. */
    public String then() {
        return action == UPDATE ? childId : parentId;
    }
}
