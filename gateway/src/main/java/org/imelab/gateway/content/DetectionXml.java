package org.imelab.gateway.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Writes Detection.xml the way IntuneWinAppUtil does and reads any packer's Detection.xml
 * tolerantly.
 *
 * <p>Writing: no XML declaration, two-space indentation, the two XmlSerializer namespace
 * declarations before {@code ToolVersion}, elements in the real tool's order (C §4.2), optional
 * elements left out when empty, UTF-8 without BOM and CRLF line ends (the .NET XmlWriter default
 * the Windows tool writes with), no final line end.
 *
 * <p>Reading: element order and unknown elements do not matter, whitespace around values is
 * ignored; a missing or malformed required element is an {@link IntuneWinFormatException} naming
 * it. DOCTYPEs are refused (no entity expansion from a package).
 */
public final class DetectionXml {
    public static final String TOOL_VERSION = "1.8.4.0";
    private static final String NL = "\r\n";

    private DetectionXml() {
    }

    public static byte[] write(ApplicationInfo info) {
        StringBuilder x = new StringBuilder(2048);
        x.append("<ApplicationInfo xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ToolVersion=\"")
                .append(escape(info.toolVersion(), true)).append("\">");
        element(x, 1, "Name", info.name());
        element(x, 1, "Description", info.description());
        element(x, 1, "UnencryptedContentSize", Long.toString(info.unencryptedContentSize()));
        element(x, 1, "FileName", info.fileName());
        element(x, 1, "SetupFile", info.setupFile());
        EncryptionInfo e = info.encryptionInfo();
        x.append(NL).append("  <EncryptionInfo>");
        element(x, 2, "EncryptionKey", b64(e.encryptionKey()));
        element(x, 2, "MacKey", b64(e.macKey()));
        element(x, 2, "InitializationVector", b64(e.initializationVector()));
        element(x, 2, "Mac", e.mac() == null ? null : b64(e.mac()));
        element(x, 2, "ProfileIdentifier", e.profileIdentifier());
        element(x, 2, "FileDigest", b64(e.fileDigest()));
        element(x, 2, "FileDigestAlgorithm", e.fileDigestAlgorithm());
        x.append(NL).append("  </EncryptionInfo>");
        info.msiInfo().ifPresent(m -> {
            x.append(NL).append("  <MsiInfo>");
            element(x, 2, "MsiProductCode", m.productCode());
            element(x, 2, "MsiProductVersion", m.productVersion());
            element(x, 2, "MsiPackageCode", m.packageCode());
            element(x, 2, "MsiUpgradeCode", m.upgradeCode());
            element(x, 2, "MsiExecutionContext", m.executionContext());
            element(x, 2, "MsiRequiresLogon", bool(m.requiresLogon()));
            element(x, 2, "MsiRequiresReboot", bool(m.requiresReboot()));
            element(x, 2, "MsiIsMachineInstall", bool(m.isMachineInstall()));
            element(x, 2, "MsiIsUserInstall", bool(m.isUserInstall()));
            element(x, 2, "MsiIncludesServices", bool(m.includesServices()));
            element(x, 2, "MsiIncludesODBCDataSource", bool(m.includesOdbcDataSource()));
            element(x, 2, "MsiContainsSystemRegistryKeys", bool(m.containsSystemRegistryKeys()));
            element(x, 2, "MsiContainsSystemFolders", bool(m.containsSystemFolders()));
            element(x, 2, "MsiPublisher", m.publisher());
            x.append(NL).append("  </MsiInfo>");
        });
        x.append(NL).append("</ApplicationInfo>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static ApplicationInfo read(byte[] xml) throws IntuneWinFormatException {
        Element root = parse(xml).getDocumentElement();
        if (!"ApplicationInfo".equals(localName(root))) {
            throw new IntuneWinFormatException("Detection.xml: root element is <" + localName(root)
                    + ">, expected <ApplicationInfo>");
        }
        Map<String, Element> top = children(root);
        Element enc = top.get("EncryptionInfo");
        if (enc == null) {
            throw new IntuneWinFormatException("Detection.xml: <EncryptionInfo> is missing");
        }
        Map<String, Element> e = children(enc);
        String mac = text(e, "Mac");
        EncryptionInfo encryption = new EncryptionInfo(
                base64(e, "EncryptionKey"), base64(e, "MacKey"), base64(e, "InitializationVector"),
                mac == null || mac.isEmpty() ? null : decode("Mac", mac),
                required(e, "ProfileIdentifier"), base64(e, "FileDigest"), required(e, "FileDigestAlgorithm"));
        Optional<MsiInfo> msi = Optional.empty();
        Element msiElement = top.get("MsiInfo");
        if (msiElement != null) {
            Map<String, Element> m = children(msiElement);
            msi = Optional.of(new MsiInfo(text(m, "MsiProductCode"), text(m, "MsiProductVersion"),
                    text(m, "MsiPackageCode"), text(m, "MsiUpgradeCode"), text(m, "MsiExecutionContext"),
                    flag(m, "MsiRequiresLogon"), flag(m, "MsiRequiresReboot"), flag(m, "MsiIsMachineInstall"),
                    flag(m, "MsiIsUserInstall"), flag(m, "MsiIncludesServices"),
                    flag(m, "MsiIncludesODBCDataSource"), flag(m, "MsiContainsSystemRegistryKeys"),
                    flag(m, "MsiContainsSystemFolders"), text(m, "MsiPublisher")));
        }
        String size = required(top, "UnencryptedContentSize");
        long unencryptedSize;
        try {
            unencryptedSize = Long.parseLong(size);
        } catch (NumberFormatException ex) {
            throw new IntuneWinFormatException("Detection.xml: <UnencryptedContentSize> is not a number: '" + size + "'");
        }
        if (unencryptedSize < 0) {
            throw new IntuneWinFormatException("Detection.xml: <UnencryptedContentSize> is negative: " + size);
        }
        String toolVersion = root.getAttribute("ToolVersion");
        ApplicationInfo info = new ApplicationInfo(toolVersion.isEmpty() ? null : toolVersion, text(top, "Name"),
                text(top, "Description"), unencryptedSize, required(top, "FileName"), required(top, "SetupFile"),
                encryption, msi);
        String content = info.contentFileName();
        if (content.isEmpty() || content.equals(".") || content.equals("..")) {
            throw new IntuneWinFormatException("Detection.xml: <FileName> '" + info.fileName()
                    + "' does not name a file");
        }
        return info;
    }

    private static Document parse(byte[] xml) throws IntuneWinFormatException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // no stderr noise; errors still throw
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IntuneWinFormatException("Detection.xml is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IntuneWinFormatException("Detection.xml could not be parsed: " + e.getMessage(), e);
        }
    }

    /** Direct child elements by local name; the first one wins when a name repeats. */
    private static Map<String, Element> children(Element parent) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.putIfAbsent(localName(el), el);
            }
        }
        return out;
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static String text(Map<String, Element> m, String name) {
        Element e = m.get(name);
        return e == null ? null : e.getTextContent().strip();
    }

    private static String required(Map<String, Element> m, String name) throws IntuneWinFormatException {
        String v = text(m, name);
        if (v == null || v.isEmpty()) {
            throw new IntuneWinFormatException("Detection.xml: <" + name + "> is missing or empty");
        }
        return v;
    }

    private static byte[] base64(Map<String, Element> m, String name) throws IntuneWinFormatException {
        return decode(name, required(m, name));
    }

    private static byte[] decode(String name, String value) throws IntuneWinFormatException {
        try {
            return Base64.getDecoder().decode(value.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IntuneWinFormatException("Detection.xml: <" + name + "> is not Base64: " + e.getMessage());
        }
    }

    private static boolean flag(Map<String, Element> m, String name) throws IntuneWinFormatException {
        String v = text(m, name);
        if (v == null || v.isEmpty()) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IntuneWinFormatException("Detection.xml: <" + name + "> is not a boolean: '" + v + "'");
        };
    }

    private static void element(StringBuilder x, int depth, String name, String value) {
        if (value == null) {
            return; // XmlSerializer leaves null members out
        }
        x.append(NL).append("  ".repeat(depth)).append('<').append(name).append('>')
                .append(escape(value, false)).append("</").append(name).append('>');
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String bool(boolean b) {
        return b ? "true" : "false";
    }

    /** XmlWriter's escaping: quotes only inside attributes. */
    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#xD;");
                case '\n' -> out.append("&#xA;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
