package com.soundhub.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ffmpeg and ffprobe executables of bytedeco's FFmpeg build (a jar in the WAR), unpacked with
 * the shared libraries they load, and nothing of the Java bindings: loading those (as
 * {@code Loader.load} does) needs every library the bindings link, the capture devices' sound and
 * X11 libraries among them. What only those devices need and the machine lacks gets an empty
 * stand-in ({@link ElfLibraries}), so the programs run on a machine with nothing but the C and C++
 * runtimes. Unpacked once per version into a folder of the user's cache, atomically, so that
 * instances of one host starting together share it.
 */
final class BundledFfmpeg {

    private static final Logger log = LoggerFactory.getLogger(BundledFfmpeg.class);

    /** Libraries every Linux machine with a JDK has: the C library and the C++ runtime. */
    static final Set<String> BASE_SYSTEM = Set.of("libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2",
            "librt.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libstdc++.so.6", "libgcc_s.so.1");

    private static final Pattern SHARED_LIBRARY = Pattern.compile("lib[^/]+\\.so(\\.\\d+)*");
    private static final List<String> PROGRAMS = List.of("ffmpeg", "ffprobe");

    private static volatile Path folder;

    private BundledFfmpeg() {
    }

    /** The bundled program {@code name} (ffmpeg or ffprobe), unpacked on first use. */
    static Path program(String name) {
        return folder().resolve(name);
    }

    /** Where the programs and their libraries are; they find each other through LD_LIBRARY_PATH. */
    static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = unpack(cacheRoot());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not unpack the bundled ffmpeg", e);
            }
        }
        return folder;
    }

    /** Unpacks the programs and their libraries under {@code root}, unless an earlier run did. */
    static Path unpack(Path root) throws IOException {
        String platform = platform();
        String base = "org/bytedeco/ffmpeg/" + platform + "/";
        URL ffmpeg = BundledFfmpeg.class.getClassLoader().getResource(base + "ffmpeg");
        if (ffmpeg == null) {
            throw new IOException("No bundled ffmpeg for " + platform + " (org.bytedeco:ffmpeg with the classifier "
                    + platform + " is not on the class path); set soundhub.media.ffmpeg and soundhub.media.ffprobe");
        }
        Map<String, Source> files = sources(ffmpeg, base);
        Path target = root.resolve(versionOf(ffmpeg, platform));
        if (Files.isRegularFile(target.resolve(".complete"))) {
            return target;
        }
        Files.createDirectories(root);
        Path scratch = Files.createTempDirectory(root, ".unpacking-");
        try {
            for (Map.Entry<String, Source> file : files.entrySet()) {
                try (InputStream in = file.getValue().open()) {
                    Files.copy(in, scratch.resolve(file.getKey()));
                }
            }
            for (String program : PROGRAMS) {
                Files.setPosixFilePermissions(scratch.resolve(program), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            List<String> standIns = addStandIns(scratch);
            Files.createFile(scratch.resolve(".complete"));
            try {
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
                log.info("Unpacked the bundled ffmpeg into {}{}", target, standIns.isEmpty() ? ""
                        : " (empty stand-ins for the capture devices' libraries, which SoundHub never opens: " + standIns + ")");
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // Another instance of this host unpacked the same version meanwhile.
                if (!Files.isRegularFile(target.resolve(".complete"))) {
                    throw e;
                }
            }
        } finally {
            deleteRecursively(scratch);
        }
        return target;
    }

    /**
     * Writes a stand-in for each library the unpacked files name that is neither unpacked nor part
     * of every machine's base system; returns their names.
     */
    static List<String> addStandIns(Path folder) throws IOException {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        int machine = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!PROGRAMS.contains(name) && !SHARED_LIBRARY.matcher(name).matches()) {
                    continue;
                }
                ElfLibraries.Links links = ElfLibraries.read(file);
                machine = links.machine();
                for (String needed : links.needed()) {
                    if (!BASE_SYSTEM.contains(needed) && !Files.exists(folder.resolve(needed))) {
                        missing.computeIfAbsent(needed, key -> new LinkedHashSet<>())
                                .addAll(links.versions().getOrDefault(needed, Set.of()));
                    }
                }
            }
        }
        for (Map.Entry<String, Set<String>> library : missing.entrySet()) {
            Files.write(folder.resolve(library.getKey()), ElfLibraries.standIn(library.getKey(), machine, library.getValue()));
        }
        return new ArrayList<>(missing.keySet());
    }

    /** The programs and the libraries next to them, without the Java bindings' own ({@code libjni*}). */
    private static Map<String, Source> sources(URL ffmpeg, String base) throws IOException {
        Map<String, Source> files = new LinkedHashMap<>();
        if ("jar".equals(ffmpeg.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) ffmpeg.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (!entry.isDirectory() && name.startsWith(base) && name.indexOf('/', base.length()) < 0) {
                        String file = name.substring(base.length());
                        if (wanted(file)) {
                            URL url = new URL("jar:" + connection.getJarFileURL() + "!/" + name);
                            files.put(file, () -> {
                                JarURLConnection one = (JarURLConnection) url.openConnection();
                                one.setUseCaches(false);
                                return one.getInputStream();
                            });
                        }
                    }
                }
            }
        } else {
            Path directory;
            try {
                directory = Path.of(ffmpeg.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IOException("Cannot read the bundled ffmpeg at " + ffmpeg, e);
            }
            try (Stream<Path> list = Files.list(directory)) {
                for (Path path : list.filter(Files::isRegularFile).toList()) {
                    String file = path.getFileName().toString();
                    if (wanted(file)) {
                        files.put(file, () -> Files.newInputStream(path));
                    }
                }
            }
        }
        for (String program : PROGRAMS) {
            if (!files.containsKey(program)) {
                throw new IOException("The bundled FFmpeg has no " + program + " under " + base);
            }
        }
        return files;
    }

    static boolean wanted(String file) {
        return PROGRAMS.contains(file) || (SHARED_LIBRARY.matcher(file).matches() && !file.startsWith("libjni"));
    }

    /** The jar's name (which carries FFmpeg's and the build's versions), so that each version gets a folder. */
    private static String versionOf(URL ffmpeg, String platform) {
        String text = ffmpeg.toString();
        int bang = text.indexOf("!/");
        if (bang > 0) {
            String jar = text.substring(0, bang);
            String name = jar.substring(jar.lastIndexOf('/') + 1).replaceAll("\\.jar$", "");
            if (!name.isBlank()) {
                return name;
            }
        }
        return "ffmpeg-" + platform + "-" + Integer.toHexString(text.hashCode());
    }

    static String platform() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") ? "linux" : "unsupported";
        return os + "-" + switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }

    /** {@code ~/.cache/soundhub/}, or the temporary folder where the home cannot be written. */
    private static Path cacheRoot() {
        Path home = Path.of(System.getProperty("user.home", "/nonexistent"), ".cache", "soundhub");
        try {
            Files.createDirectories(home);
            if (Files.isWritable(home)) {
                return home;
            }
        } catch (IOException e) {
            // fall through
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "soundhub-" + System.getProperty("user.name", "user"));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }

    @FunctionalInterface
    private interface Source {
        InputStream open() throws IOException;
    }
}
