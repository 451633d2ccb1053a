package org.imelab.install;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
import java.util.Map;

/**
 * Reads and writes {@link InstallManifest} as JSON. Undo record kinds are registered by name
 * (never by Java class name), so a manifest can only ever name the kinds listed here.
 */
public final class ManifestCodec {
    private final ObjectMapper mapper;

    /** @param kinds the undo record kinds, by the name written into the manifest */
    public ManifestCodec(Map<String, Class<? extends Undo>> kinds) {
        // durations (service recovery delays) as ISO-8601 text, e.g. "PT1M"
        SimpleModule time = new SimpleModule("imelab-durations")
                .addSerializer(Duration.class, ToStringSerializer.instance)
                .addDeserializer(Duration.class, new FromStringDeserializer<>(Duration.class) {
                    @Override
                    protected Duration _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext ctxt) {
                        return Duration.parse(value);
                    }
                });
        this.mapper = new ObjectMapper()
                .registerModule(time)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        kinds.forEach((name, type) -> mapper.registerSubtypes(new NamedType(type, name)));
    }

    public String write(InstallManifest manifest) {
        try {
            return mapper.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the install manifest: " + e.getOriginalMessage(), e);
        }
    }

    public InstallManifest read(String json) {
        try {
            InstallManifest m = mapper.readValue(json, InstallManifest.class);
            if (m.version() != InstallManifest.CURRENT_VERSION) {
                throw new InstallException("Install manifest version " + m.version()
                        + " is not supported (this imelab writes version " + InstallManifest.CURRENT_VERSION + ")");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new InstallException(null, "The install manifest is damaged: " + e.getOriginalMessage(), e, java.util.List.of());
        }
    }
}
