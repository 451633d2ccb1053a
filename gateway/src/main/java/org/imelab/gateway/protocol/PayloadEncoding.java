package org.imelab.gateway.protocol;

/** How a {@code ResponsePayload} is carried in the envelope (ime-behaviour.md C §3.2). */
public enum PayloadEncoding {
    /** JSON text as the string value. */
    PLAIN,
    /** Base64 of {@code [int32 little-endian uncompressed length][gzip stream]}: see {@link CompressedPayload}. */
    COMPRESSED
}
