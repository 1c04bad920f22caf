package com.soundhub.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled ffmpeg and ffprobe run where nothing but the C and C++ runtimes is installed: in a
 * chroot holding only those (the dynamic loader, libc, libm, libstdc++, libgcc_s) and the unpacked
 * folder, with an empty environment and LD_LIBRARY_PATH limited to that folder, there is no
 * libpulse, libasound or libxcb to be found, as on a machine with only a JDK. Needs root for
 * chroot (CI and these machines run as root); elsewhere that part is skipped.
 */
class BundledFfmpegTest {

    @TempDir
    Path temp;

    @Test
    void unpacksTheProgramsTheirLibrariesAndStandInsButNoJavaBindings() throws IOException {
        Path folder = BundledFfmpeg.unpack(temp.resolve("cache"));
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(file -> file.getFileName().toString()).toList();
            assertThat(names).contains("ffmpeg", "ffprobe", "libavcodec.so.62", "libavdevice.so.62", "libpulse.so.0",
                    "libasound.so.2", "libxcb.so.1").noneMatch(name -> name.startsWith("libjni"));
        }
        assertThat(Files.isExecutable(folder.resolve("ffmpeg"))).isTrue();
        assertThat(BundledFfmpeg.unpack(temp.resolve("cache"))).as("once per version").isEqualTo(folder);

        ElfLibraries.Links pulse = ElfLibraries.read(folder.resolve("libpulse.so.0"));
        assertThat(pulse.needed()).as("a stand-in needs nothing").isEmpty();
        ElfLibraries.Links device = ElfLibraries.read(folder.resolve("libavdevice.so.62"));
        assertThat(device.needed()).contains("libpulse.so.0", "libasound.so.2");
        assertThat(device.versions().get("libpulse.so.0")).contains("PULSE_0");
    }

    @Test
    void theElfHashIsTheOneTheLoaderCompares() {
        assertThat(ElfLibraries.elfHash("GLIBC_2.2.5")).isEqualTo(0x09691a75L);
        assertThat(ElfLibraries.elfHash("")).isZero();
    }

    @Test
    void ffmpegAndFfprobeRunWithNothingButTheCAndCppRuntimes() throws Exception {
        Path folder = BundledFfmpeg.unpack(temp.resolve("cache"));
        Path root = minimalRoot(folder, true);

        Run version = inChroot(root, "/ffmpeg/ffmpeg", "-hide_banner", "-version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("ffmpeg version").doesNotContain("no version information");

        Run tone = inChroot(root, "/ffmpeg/ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi",
                "-i", "sine=frequency=440:duration=2", "-c:a", "aac", "-b:a", "96k", "/scratch/tone.m4a");
        assertThat(tone.exitCode()).as(tone.output()).isZero();
        Run probe = inChroot(root, "/ffmpeg/ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", "/scratch/tone.m4a");
        assertThat(probe.exitCode()).as(probe.output()).isZero();
        assertThat(AudioProbe.parse(probe.output())).hasValueSatisfying(found -> {
            assertThat(found.hasAudio()).isTrue();
            assertThat(found.durationSeconds()).isBetween(1.9, 2.2);
        });
    }

    @Test
    void withoutTheStandInsTheSameRootLacksLibpulse() throws Exception {
        Path folder = BundledFfmpeg.unpack(temp.resolve("cache"));
        Path root = minimalRoot(folder, false);
        Run version = inChroot(root, "/ffmpeg/ffmpeg", "-version");
        assertThat(version.exitCode()).as("the root really has no sound libraries").isNotZero();
        assertThat(version.output()).containsPattern("lib(pulse|asound|xcb)[^ ]*: cannot open shared object file");
    }

    // ---------------------------------------------------------------------------------------------

    record Run(int exitCode, String output) {
    }

    /**
     * A root with only the loader and the base system libraries the programs name (copied from this
     * machine, where ldd finds them), and the unpacked folder at /ffmpeg.
     */
    /** Where the root's libraries are: the unpacked folder first, then the base system's folders. */
    private String libraryPath = "/ffmpeg";

    private Path chroot;

    private Path minimalRoot(Path folder, boolean withStandIns) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chroot needs root");
        chroot = Stream.of("/usr/sbin/chroot", "/usr/bin/chroot", "/sbin/chroot").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(chroot != null, "no chroot here");
        Path root = temp.resolve(withStandIns ? "root" : "bare-root");
        Files.createDirectories(root.resolve("scratch"));
        Path copy = Files.createDirectories(root.resolve("ffmpeg"));
        Set<String> standIns = Set.of("libpulse.so.0", "libasound.so.2", "libxcb.so.1", "libxcb-shm.so.0");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (withStandIns || !standIns.contains(name)) {
                    Files.copy(file, copy.resolve(name));
                }
            }
        }
        for (Map.Entry<String, Path> library : baseLibraries(folder.resolve("ffmpeg")).entrySet()) {
            Path inRoot = root.resolve(library.getValue().toString().substring(1));
            Files.createDirectories(inRoot.getParent());
            Files.copy(library.getValue().toRealPath(), inRoot);
            String inside = library.getValue().getParent().toString();
            if (!library.getKey().equals("loader") && !(":" + libraryPath + ":").contains(":" + inside + ":")) {
                libraryPath += ":" + inside;
            }
        }
        return root;
    }

    /** The loader and the base system's libraries the unpacked programs load, where this machine has them. */
    private static Map<String, Path> baseLibraries(Path ffmpeg) throws Exception {
        ProcessBuilder ldd = new ProcessBuilder("ldd", ffmpeg.toString()).redirectErrorStream(true);
        ldd.environment().put("LD_LIBRARY_PATH", ffmpeg.getParent().toString());
        Process process = ldd.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        Map<String, Path> found = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^\\s*(\\S+)\\s+=>\\s+(/\\S+)|^\\s*(/\\S*ld-linux\\S*)").matcher(output);
        while (line.find()) {
            if (line.group(3) != null) {
                found.put("loader", Path.of(line.group(3)));
            } else if (BundledFfmpeg.BASE_SYSTEM.contains(line.group(1))) {
                found.put(line.group(1), Path.of(line.group(2)));
            }
        }
        assertThat(found).as(output).containsKeys("loader", "libc.so.6", "libstdc++.so.6");
        return found;
    }

    private Run inChroot(Path root, String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of(chroot.toString(), root.toString()));
        full.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("LD_LIBRARY_PATH", libraryPath);
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
