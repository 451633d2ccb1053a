package org.imelab.install.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MimeAppsListTest {
    private static final String MIME = "x-scheme-handler/intunemanagementextension";

    @Test
    void addsTheSectionToAnEmptyList() {
        MimeAppsList l = MimeAppsList.parse("").withDefault(MIME, "imelab-moniker.desktop");
        assertEquals("[Default Applications]\n" + MIME + "=imelab-moniker.desktop\n", l.text());
        assertEquals(Optional.of("imelab-moniker.desktop"), l.defaultFor(MIME));
    }

    @Test
    void addsToAnExistingSectionAndKeepsEverythingElse() {
        String text = "[Added Associations]\ntext/plain=gedit.desktop;\n\n[Default Applications]\ntext/html=firefox.desktop\n";
        MimeAppsList l = MimeAppsList.parse(text).withDefault(MIME, "imelab-moniker.desktop");
        assertEquals("[Added Associations]\ntext/plain=gedit.desktop;\n\n[Default Applications]\n"
                + MIME + "=imelab-moniker.desktop\ntext/html=firefox.desktop\n", l.text());
        assertEquals(text, l.withoutDefault(MIME, "imelab-moniker.desktop").text());
    }

    @Test
    void replacesAnotherDefaultAndRemovingOnlyTakesOurs() {
        String text = "[Default Applications]\n" + MIME + "=other.desktop;imelab-moniker.desktop;\n";
        assertEquals(Optional.of("other.desktop"), MimeAppsList.parse(text).defaultFor(MIME));
        assertEquals("[Default Applications]\n" + MIME + "=other.desktop;\n",
                MimeAppsList.parse(text).withoutDefault(MIME, "imelab-moniker.desktop").text());
        assertEquals(Optional.of("imelab-moniker.desktop"),
                MimeAppsList.parse(text).withDefault(MIME, "imelab-moniker.desktop").defaultFor(MIME));
    }

    @Test
    void anAssociationInAnotherSectionIsNotADefault() {
        assertEquals(Optional.empty(), MimeAppsList.parse("[Added Associations]\n" + MIME + "=x.desktop\n").defaultFor(MIME));
    }
}
