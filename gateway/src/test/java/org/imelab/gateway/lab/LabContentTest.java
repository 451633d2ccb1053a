package org.imelab.gateway.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import okhttp3.Request;
import okhttp3.Response;
import org.imelab.gateway.content.ContentDecryptor;
import org.imelab.gateway.content.SafeUnzipper;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.content.ContentInfoPayload;
import org.imelab.gateway.protocol.content.ContentKeys;
import org.imelab.gateway.protocol.content.DecryptInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetContentInfo, the CDN download and the keys, end to end: what the agent does with an app's content. */
class LabContentTest {
    @TempDir
    static Path dir;
    static LabGateway gateway;
    static LabClient device;

    @BeforeAll
    static void start() throws Exception {
        gateway = LabGateway.start(LabConfig.of(LabFixture.write(dir.resolve("lab")), LabFixture.state(dir.resolve("state"))));
        device = new LabClient(gateway).enroll("LAB-PC1");
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    private static ContentInfoPayload contentInfo(int version, byte[] certificate) throws Exception {
        ContentInfoPayload request = ContentInfoPayload.request(LabFixture.GRAPH_REQUIRED, version, 3, "Graph Required",
                certificate, 0, 2, 2);
        SideCarGatewaySession answer = device.session(RequestContentType.GET_CONTENT_INFO, device.json.write(request),
                LabClient.windowsClientInfo(), null);
        assertEquals("ContentInfoResponse", answer.responseContentType());
        return device.json.read(answer.responsePayload(), ContentInfoPayload.class);
    }

    @Test
    void contentIsDownloadedDecryptedVerifiedAndUnpacked() throws Exception {
        ContentInfoPayload info = contentInfo(2, device.chain.getFirst().getEncoded());
        assertEquals(LabFixture.GRAPH_REQUIRED, info.applicationId());
        assertNull(info.uploadLocation(), "the location travels inside ContentInfo, as on the real service");
        String url = info.contentInfo().uploadLocation();
        assertTrue(url.startsWith(gateway.baseUrl() + "/content/" + LabFixture.GRAPH_REQUIRED + "_2/"), url);
        assertTrue(url.endsWith(".intunewin.bin"));

        ContentKeys keys = DecryptInfo.open(info.decryptInfo(), device.keys.getPrivate(), device.json);
        assertEquals(ContentKeys.PROFILE_VERSION_1, keys.profileIdentifier());

        // the CDN needs no client certificate
        LabClient anonymous = new LabClient(gateway);
        Path encrypted = dir.resolve("download.bin");
        try (Response r = anonymous.http.newCall(new Request.Builder().url(url).build()).execute();
             InputStream in = r.body().byteStream()) {
            assertEquals(200, r.code());
            Files.copy(in, encrypted);
        }
        assertEquals(info.contentInfo().encryptedContentSize(), Files.size(encrypted));
        assertEquals(keys.mac(), Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(Files.readAllBytes(encrypted), 32)));

        Path zip = dir.resolve("plain.zip");
        new ContentDecryptor().decrypt(encrypted, keys.toEncryptionInfo(), zip);
        Path out = dir.resolve("IMECache").resolve(LabFixture.GRAPH_REQUIRED + "_2");
        new SafeUnzipper().unpack(zip, out);
        assertEquals("the app's payload\n".repeat(1000), Files.readString(out.resolve("payload.txt")));
        assertTrue(Files.isRegularFile(out.resolve("install.sh")));

        // a resumed download asks for the rest
        try (Response r = anonymous.http.newCall(new Request.Builder().url(url).header("Range", "bytes=100-").build())
                .execute()) {
            assertEquals(206, r.code());
            assertEquals(Files.size(encrypted) - 100, r.body().bytes().length);
        }
    }

    @Test
    void keysGoOnlyToTheDevicesOwnCertificateAndTheRightVersion() throws Exception {
        LabClient other = new LabClient(gateway).enroll("LAB-PC2");
        ContentInfoPayload request = ContentInfoPayload.request(LabFixture.GRAPH_REQUIRED, 2, 3, "x",
                other.chain.getFirst().getEncoded(), 0, 2, 2);
        try (Response r = device.sessionCall(RequestContentType.GET_CONTENT_INFO, device.json.write(request),
                LabClient.windowsClientInfo(), null)) {
            assertEquals(400, r.code());
            assertTrue(r.body().string().contains("not the certificate this device authenticated with"));
        }
        ContentInfoPayload wrongVersion = ContentInfoPayload.request(LabFixture.GRAPH_REQUIRED, 7, 3, "x",
                device.chain.getFirst().getEncoded(), 0, 2, 2);
        try (Response r = device.sessionCall(RequestContentType.GET_CONTENT_INFO, device.json.write(wrongVersion),
                LabClient.windowsClientInfo(), null)) {
            assertEquals(404, r.code());
        }
        ContentInfoPayload noContent = ContentInfoPayload.request(LabFixture.GRAPH_DEPENDENCY, 1, 3, "x",
                device.chain.getFirst().getEncoded(), 0, 2, 2);
        try (Response r = device.sessionCall(RequestContentType.GET_CONTENT_INFO, device.json.write(noContent),
                LabClient.windowsClientInfo(), null)) {
            assertEquals(404, r.code());
            assertTrue(r.body().string().contains("has no content"));
        }
    }

    @Test
    void editedContentIsRepackedUnderANewUrlAndTheOldOneStillServes() throws Exception {
        String before = contentInfo(2, device.chain.getFirst().getEncoded()).contentInfo().uploadLocation();
        assertEquals(before, contentInfo(2, device.chain.getFirst().getEncoded()).contentInfo().uploadLocation(),
                "unchanged content is not packed again");
        Files.writeString(dir.resolve("lab").resolve("content-b").resolve("new-file.txt"), "added");
        String after = contentInfo(2, device.chain.getFirst().getEncoded()).contentInfo().uploadLocation();
        assertNotEquals(before, after);
        try (Response r = new LabClient(gateway).http.newCall(new Request.Builder().url(before).head().build()).execute()) {
            assertEquals(200, r.code());
        }
    }
}
