package org.imelab.install.linux;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imelab.install.InstallStep;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;
import org.imelab.install.fs.Fs;
import org.imelab.install.process.CommandFailedException;
import org.imelab.install.process.CommandResult;

/**
 * Makes a desktop entry the default handler of a MIME type in one {@code mimeapps.list}: with
 * {@code xdg-mime default} when it is installed (the user's list), else by editing the list
 * (always for the system-wide {@code /etc/xdg/mimeapps.list}, which xdg-mime does not write).
 */
public final class MimeDefaultStep implements InstallStep {
    private final Path mimeappsList;
    private final String mimeType;
    private final String desktopId;
    private final boolean useXdgMime;

    /**
     * @param useXdgMime run xdg-mime (it writes {@code $XDG_CONFIG_HOME/mimeapps.list}, so the
     *                   list must be that file)
     */
    public MimeDefaultStep(Path mimeappsList, String mimeType, String desktopId, boolean useXdgMime) {
        this.mimeappsList = mimeappsList.toAbsolutePath().normalize();
        this.mimeType = mimeType;
        this.desktopId = desktopId;
        this.useXdgMime = useXdgMime;
    }

    @Override
    public String name() {
        return "default handler of " + mimeType + " in " + mimeappsList;
    }

    @Override
    public boolean isDone(StepContext ctx) {
        byte[] now = Fs.readOrNull(mimeappsList);
        return now != null && MimeAppsList.parse(new String(now, StandardCharsets.UTF_8))
                .defaultFor(mimeType).filter(desktopId::equals).isPresent();
    }

    @Override
    public Undo apply(StepContext ctx) {
        byte[] before = Fs.readOrNull(mimeappsList);
        List<String> missing = new ArrayList<>();
        for (Path p = mimeappsList.getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p.toString());
        }
        if (useXdgMime) {
            CommandResult r = ctx.commands().run(List.of("xdg-mime", "default", desktopId, mimeType),
                    Map.of("XDG_CONFIG_HOME", mimeappsList.getParent().toString()), Duration.ofSeconds(30));
            if (r.exitCode() != 0) {
                Fs.removeEmptyDirectories(missing);
                throw new CommandFailedException(r);
            }
        } else {
            Fs.createDirectories(mimeappsList.getParent());
            String text = before == null ? "" : new String(before, StandardCharsets.UTF_8);
            Fs.writeAtomically(mimeappsList, MimeAppsList.parse(text).withDefault(mimeType, desktopId)
                    .text().getBytes(StandardCharsets.UTF_8));
        }
        byte[] after = Fs.readOrNull(mimeappsList);
        MimeDefaultUndo undo = new MimeDefaultUndo(mimeappsList.toString(), before,
                after == null ? "" : Fs.sha256(after), mimeType, desktopId, missing);
        if (!isDone(ctx)) {
            undo.revert(ctx);
            throw new IllegalStateException("After setting it, " + mimeappsList + " still does not name "
                    + desktopId + " as the default for " + mimeType);
        }
        return undo;
    }
}
