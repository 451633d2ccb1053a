package org.imelab.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Registry redirection as 64-bit Windows applies it to 32-bit views, for the backends that store
 * one tree (file, memory): {@code HKLM\SOFTWARE\X} in the 32-bit view is stored at
 * {@code HKLM\SOFTWARE\WOW6432Node\X}, and likewise for {@code HKCR} (under
 * {@code HKLM\SOFTWARE\Classes\WOW6432Node} on Windows; here {@code HKCR\WOW6432Node}).
 */
public final class Wow64 {
    public static final String NODE = "WOW6432Node";

    private Wow64() {
    }

    /** The physical location of a path: 64-bit view paths map to themselves. */
    public static RegPath physical(RegPath path) {
        if (path.view() == RegistryView.VIEW_64) {
            return path;
        }
        List<String> segs = path.segments();
        if (path.hive() == Hive.HKEY_LOCAL_MACHINE && !segs.isEmpty() && segs.get(0).equalsIgnoreCase("SOFTWARE")) {
            return redirect(path, 1);
        }
        if (path.hive() == Hive.HKEY_CLASSES_ROOT) {
            return redirect(path, 0);
        }
        return path.withView(RegistryView.VIEW_64);
    }

    private static RegPath redirect(RegPath path, int at) {
        List<String> segs = path.segments();
        if (segs.size() > at && segs.get(at).equalsIgnoreCase(NODE)) {
            return path.withView(RegistryView.VIEW_64); // already addressed physically
        }
        List<String> out = new ArrayList<>(segs.subList(0, at));
        out.add(NODE);
        out.addAll(segs.subList(at, segs.size()));
        return new RegPath(path.hive(), out, RegistryView.VIEW_64);
    }
}
