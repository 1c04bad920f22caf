package com.soundhub.generator.rendering;

import java.io.IOException;
import java.io.OutputStream;

/** The 44-byte RIFF/WAVE header of a 16-bit PCM file whose length is known up front. */
final class WavHeader {

    private WavHeader() {
    }

    static void write(OutputStream out, int sampleRate, int channels, long frames) throws IOException {
        int bytesPerFrame = channels * 2;
        long dataBytes = frames * bytesPerFrame;
        if (dataBytes + 36 > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("audio too long for a WAV file: " + frames + " frames");
        }
        byte[] h = new byte[44];
        ascii(h, 0, "RIFF");
        int32(h, 4, dataBytes + 36);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        int32(h, 16, 16);
        int16(h, 20, 1); // PCM
        int16(h, 22, channels);
        int32(h, 24, sampleRate);
        int32(h, 28, (long) sampleRate * bytesPerFrame);
        int16(h, 32, bytesPerFrame);
        int16(h, 34, 16);
        ascii(h, 36, "data");
        int32(h, 40, dataBytes);
        out.write(h);
    }

    private static void ascii(byte[] b, int offset, String s) {
        for (int i = 0; i < 4; i++) {
            b[offset + i] = (byte) s.charAt(i);
        }
    }

    private static void int16(byte[] b, int offset, int v) {
        b[offset] = (byte) v;
        b[offset + 1] = (byte) (v >> 8);
    }

    private static void int32(byte[] b, int offset, long v) {
        for (int i = 0; i < 4; i++) {
            b[offset + i] = (byte) (v >> (8 * i));
        }
    }
}
