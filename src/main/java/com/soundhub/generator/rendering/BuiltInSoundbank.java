package com.soundhub.generator.rendering;

import com.sun.media.sound.EmergencySoundbank;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.midi.Soundbank;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;

/**
 * The JDK's generated General MIDI soundbank, made once per JVM on first use, the same in every JVM.
 *
 * <p><b>Why it needs care.</b> The JDK builds these instruments by additive synthesis and gives
 * every partial a random phase from {@code Math.random()} ({@code EmergencySoundbank.randomPhase}).
 * A phase does not change how an instrument sounds, but it changes every sample value, so each JVM
 * had its own soundbank and the same piece rendered in two JVMs (two instances, or before and after
 * a restart) gave different audio. {@code Math.random()} draws from one {@link Random} held by
 * {@code java.lang.Math}; this class seeds it with a constant just before the soundbank is built,
 * then reseeds it unpredictably. {@code java.lang} is not open to reflection, so the generator is
 * reached through {@code sun.misc.Unsafe} (module {@code jdk.unsupported}, which is there for such
 * uses). Another thread calling {@code Math.random()} meanwhile would disturb the sequence, so
 * the soundbank is built twice and accepted only when both builds agree sample for sample.
 */
final class BuiltInSoundbank {

    private static final Logger log = LoggerFactory.getLogger(BuiltInSoundbank.class);
    private static final long PHASE_SEED = 0x50D0_B44CL;
    private static final int ATTEMPTS = 4;

    private static Soundbank bank;

    private BuiltInSoundbank() {
    }

    static synchronized Soundbank get() {
        if (bank == null) {
            try {
                bank = build();
            } catch (IllegalAccessError e) {
                throw new IllegalStateException(OfflineRenderer.EXPORT_HINT, e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the built-in soundbank", e);
            }
        }
        return bank;
    }

    /** True when this JVM's built-in soundbank is the same in every run (the phase generator could be seeded). */
    static boolean isReproducible() {
        return mathRandom() != null;
    }

    private static Soundbank build() throws Exception {
        Random phases = mathRandom();
        if (phases == null) {
            log.warn("The built-in soundbank differs from one JVM run to the next on this JDK: "
                    + "Math.random() could not be seeded, so renders are not byte-identical across runs");
            return EmergencySoundbank.createSoundbank();
        }
        try {
            byte[] previous = null;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                phases.setSeed(PHASE_SEED);
                SF2Soundbank candidate = EmergencySoundbank.createSoundbank();
                byte[] digest = digest(candidate);
                if (previous != null && Arrays.equals(previous, digest)) {
                    BrighterCymbals.apply(candidate);
                    return candidate;
                }
                previous = digest;
            }
            throw new IllegalStateException("the built-in soundbank came out different in " + ATTEMPTS + " builds");
        } finally {
            phases.setSeed(new SecureRandom().nextLong());
        }
    }

    private static byte[] digest(SF2Soundbank soundbank) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (SF2Sample sample : soundbank.getSamples()) {
            sha.update(sample.getDataBuffer().array(), (int) sample.getDataBuffer().arrayOffset(),
                    (int) sample.getDataBuffer().capacity());
        }
        return sha.digest();
    }

    /** The generator behind {@code Math.random()}, or null when this JDK does not let it be reached. */
    private static Random mathRandom() {
        try {
            Math.random(); // makes sure the holder exists
            Field generator = Class.forName("java.lang.Math$RandomNumberGeneratorHolder")
                    .getDeclaredField("randomNumberGenerator");
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Object unsafe = theUnsafe.get(null);
            Method base = unsafeClass.getMethod("staticFieldBase", Field.class);
            Method offset = unsafeClass.getMethod("staticFieldOffset", Field.class);
            Method read = unsafeClass.getMethod("getObject", Object.class, long.class);
            Object value = read.invoke(unsafe, base.invoke(unsafe, generator), offset.invoke(unsafe, generator));
            return value instanceof Random random ? random : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
