package com.soundhub.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reproducible test bytes, made the same way in Java and in a browser: xorshift32 from a seed, each
 * 32-bit state written little-endian, the last word cut to the length asked for. Browser tests
 * run {@link #JS}, which defines {@code seededBytes(seed, length)} (a Uint8Array) and
 * {@code seededFill(bytes, seed)} (fills an array and answers the next seed to go on with).
 */
public final class SeededBytes {

    /** The same generator in JavaScript, to be evaluated in the page before it is used. */
    public static final String JS = """
            window.seededFill = function (bytes, seed) {
                var x = seed | 0;
                var whole = bytes.length >> 2;
                var words = new Uint32Array(bytes.buffer, bytes.byteOffset, whole);
                for (var i = 0; i < whole; i++) {
                    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
                    words[i] = x;
                }
                for (var at = whole * 4; at < bytes.length; at += 4) {
                    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
                    for (var k = 0; k < 4 && at + k < bytes.length; k++) {
                        bytes[at + k] = (x >>> (8 * k)) & 255;
                    }
                }
                return x;
            };
            window.seededBytes = function (seed, length) {
                var bytes = new Uint8Array(length);
                window.seededFill(bytes, seed);
                return bytes;
            };
            """;

    private SeededBytes() {
    }

    public static byte[] of(int seed, int length) {
        byte[] bytes = new byte[length];
        fill(bytes, seed);
        return bytes;
    }

    /** Fills {@code bytes} and answers the generator's state, the seed to go on with. */
    public static int fill(byte[] bytes, int seed) {
        ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int x = seed;
        while (out.remaining() >= 4) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            out.putInt(x);
        }
        if (out.hasRemaining()) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            for (int k = 0; out.hasRemaining(); k++) {
                out.put((byte) (x >>> (8 * k)));
            }
        }
        return x;
    }
}
