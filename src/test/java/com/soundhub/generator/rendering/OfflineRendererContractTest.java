package com.soundhub.generator.rendering;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Patch;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What {@link OfflineRenderer} takes from inside the JDK, checked by name (its class comment says
 * why no public API will do). The JDK may change its internals in any release; when one does, these
 * tests say what changed instead of leaving a compile error, an {@link IllegalAccessError} or a
 * silent, garbled render to be puzzled over.
 */
class OfflineRendererContractTest {

    private static final String PACKAGE = "com.sun.media.sound";

    @Test
    void theJdkStillHasTheSynthesizersPackageAndTheBuildExportsIt() {
        Module desktop = ModuleLayer.boot().findModule("java.desktop")
                .orElseThrow(() -> broken("the java.desktop module is missing"));
        if (!desktop.getPackages().contains(PACKAGE)) {
            throw broken("java.desktop no longer contains " + PACKAGE + ", the JDK synthesizer (Gervill)");
        }
        if (!desktop.isExported(PACKAGE, OfflineRenderer.class.getModule())) {
            throw broken(PACKAGE + " is not exported to the application: the build's JVM flags lack "
                    + "--add-exports java.desktop/" + PACKAGE + "=ALL-UNNAMED, or this JDK no longer honours it");
        }
    }

    @Test
    void theInternalTypesAndMethodsItCallsStillExist() throws Exception {
        Class<?> audioSynthesizer = internal("AudioSynthesizer");
        requireMethod(audioSynthesizer, "openStream", AudioInputStream.class, AudioFormat.class, Map.class);
        requireMethod(audioSynthesizer, "getPropertyInfo", internal("AudioSynthesizerPropertyInfo[]"), Map.class);
        Method createSoundbank = requireMethod(internal("EmergencySoundbank"), "createSoundbank", null);
        if (!Modifier.isStatic(createSoundbank.getModifiers()) || !Soundbank.class.isAssignableFrom(createSoundbank.getReturnType())) {
            throw broken("EmergencySoundbank.createSoundbank() is no longer a static method returning a Soundbank");
        }
        Class<?> modelPatch = internal("ModelPatch");
        if (!Patch.class.isAssignableFrom(modelPatch)) {
            throw broken("ModelPatch no longer extends javax.sound.midi.Patch");
        }
        requireMethod(modelPatch, "isPercussion", boolean.class);

        Synthesizer synthesizer = MidiSystem.getSynthesizer();
        if (!audioSynthesizer.isInstance(synthesizer)) {
            throw broken("MidiSystem.getSynthesizer() gives a " + synthesizer.getClass().getName()
                    + ", which is not an AudioSynthesizer and so cannot render offline");
        }
    }

    @Test
    void everySettingItPassesIsStillUnderstood() throws Exception {
        // The synthesizer ignores names it does not know, so a renamed setting would silently change every render.
        Synthesizer synthesizer = MidiSystem.getSynthesizer();
        Method getPropertyInfo = internal("AudioSynthesizer").getMethod("getPropertyInfo", Map.class);
        Set<String> known = new HashSet<>();
        for (Object info : (Object[]) getPropertyInfo.invoke(synthesizer, (Object) null)) {
            known.add((String) info.getClass().getField("name").get(info));
        }
        for (String setting : OfflineRenderer.streamSettings().keySet()) {
            if (!known.contains(setting)) {
                throw broken("the synthesizer no longer knows the setting '" + setting + "'; it knows " + known);
            }
        }
    }

    @Test
    void aShortRenderIsAudibleAndFasterThanRealTime() throws Exception {
        // Ten seconds of a piano striking a chord on every beat, at the default 120 beats per minute.
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), 0));
        for (int beat = 0; beat < 20; beat++) {
            for (int pitch : new int[]{60, 64, 67}) {
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 100), beat * 480L));
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0), beat * 480L + 400));
            }
        }
        RenderResult result = new OfflineRenderer().render(sequence, OutputStream.nullOutputStream());
        if (result.rms() < 100) {
            throw broken("a ten-second render is silent (RMS " + result.rms() + ")");
        }
        // A synthesizer that waited on a clock would render at about 1x; the offline one is many times faster.
        if (result.realTimeFactor() < 2) {
            throw broken("a ten-second render ran at only " + String.format("%.1f", result.realTimeFactor())
                    + "x real time; the synthesizer's stream no longer renders ahead of the clock");
        }
    }

    private static Class<?> internal(String name) {
        boolean array = name.endsWith("[]");
        String className = PACKAGE + "." + (array ? name.substring(0, name.length() - 2) : name);
        try {
            Class<?> type = Class.forName(className, false, ClassLoader.getSystemClassLoader());
            return array ? type.arrayType() : type;
        } catch (ClassNotFoundException e) {
            throw broken(className + " is gone");
        }
    }

    private static Method requireMethod(Class<?> owner, String name, Class<?> returns, Class<?>... parameters) {
        try {
            Method method = owner.getMethod(name, parameters);
            if (returns != null && !returns.isAssignableFrom(method.getReturnType())) {
                throw broken(owner.getSimpleName() + "." + name + " now returns " + method.getReturnType().getName());
            }
            return method;
        } catch (NoSuchMethodException e) {
            throw broken(owner.getSimpleName() + "." + name + " is gone or takes other parameters");
        }
    }

    private static AssertionError broken(String what) {
        return new AssertionError("Offline rendering of generated music does not work on Java " + Runtime.version() + ": " + what
                + ". OfflineRenderer uses the JDK synthesizer's internal offline interface because no public API "
                + "renders MIDI with a chosen soundbank faster than real time (see its class comment); adapt it to "
                + "this JDK before upgrading.");
    }
}
