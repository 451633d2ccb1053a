package org.imelab.agent.win32app.graph;

/**
 * One {@code FlatDependencies} entry: {@code AppId} (the parent) relates to {@code ChildId} by
 * {@code Action}: 0 Detect, 10 Install (dependency), 100 Update and 110 Replace (supersedence).
 */
public record Relation(String parentId, String childId, int action) {
    public static final int DETECT = 0;
    public static final int INSTALL = 10;
    public static final int UPDATE = 100;
    public static final int REPLACE = 110;

    /** Whether the child must be processed (installed) before the parent. */
    public boolean isDependency() {
        return action == INSTALL || action == DETECT;
    }
}
