package com.soundhub.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Just enough of ELF (64-bit, little-endian) for the bundled ffmpeg: which shared libraries a
 * program or library names (DT_NEEDED), which symbol versions it asks of each (DT_VERNEED), and
 * an empty stand-in library that satisfies such a name.
 *
 * <p>Why stand-ins: bytedeco's ffmpeg and ffprobe link libavdevice, which names the sound and
 * X11 client libraries of its capture devices (libpulse, libasound, libxcb). A machine with only a
 * JDK has none of them, and the dynamic loader refuses to start a program whose named libraries are
 * missing, although SoundHub never opens a device. Those calls are bound lazily (through the PLT,
 * not at load: libavdevice is not linked with BIND_NOW), so an empty library of the right name and
 * versions lets the programs start; a device that were opened would fail with a symbol lookup error
 * instead of working. Everything else they need is bundled, but for the C and C++ runtimes.
 */
final class ElfLibraries {

    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final int PT_GNU_STACK = 0x6474e551;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_HASH = 4;
    private static final long DT_STRTAB = 5;
    private static final long DT_SYMTAB = 6;
    private static final long DT_STRSZ = 10;
    private static final long DT_SYMENT = 11;
    private static final long DT_SONAME = 14;
    private static final long DT_VERSYM = 0x6ffffff0L;
    private static final long DT_VERDEF = 0x6ffffffcL;
    private static final long DT_VERDEFNUM = 0x6ffffffdL;
    private static final long DT_VERNEED = 0x6ffffffeL;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;

    private ElfLibraries() {
    }

    /**
     * What an ELF file links against.
     *
     * @param machine its {@code e_machine}, which a stand-in must share
     * @param needed the libraries it names, in order
     * @param versions per library, the symbol versions it asks of it
     */
    record Links(int machine, List<String> needed, Map<String, Set<String>> versions) {
    }

    /** Reads the dynamic section of {@code file} (only the headers and the tables it points to). */
    static Links read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = read(channel, 0, 64);
            if (header.getInt(0) != 0x464c457f || header.get(4) != 2 || header.get(5) != 1) {
                throw new IOException(file + " is not a 64-bit little-endian ELF file");
            }
            int machine = Short.toUnsignedInt(header.getShort(18));
            long phoff = header.getLong(32);
            int phentsize = Short.toUnsignedInt(header.getShort(54));
            int phnum = Short.toUnsignedInt(header.getShort(56));
            List<long[]> loads = new ArrayList<>();
            long dynamicOffset = -1;
            long dynamicSize = 0;
            ByteBuffer headers = read(channel, phoff, phentsize * phnum);
            for (int i = 0; i < phnum; i++) {
                int at = i * phentsize;
                int type = headers.getInt(at);
                if (type == PT_LOAD) {
                    loads.add(new long[]{headers.getLong(at + 8), headers.getLong(at + 16), headers.getLong(at + 32)});
                } else if (type == PT_DYNAMIC) {
                    dynamicOffset = headers.getLong(at + 8);
                    dynamicSize = headers.getLong(at + 32);
                }
            }
            if (dynamicOffset < 0) {
                return new Links(machine, List.of(), Map.of());
            }
            ByteBuffer dynamic = read(channel, dynamicOffset, (int) dynamicSize);
            List<Long> neededNames = new ArrayList<>();
            long strtab = 0;
            long strsz = 0;
            long verneed = 0;
            long verneedNum = 0;
            for (int at = 0; at + 16 <= dynamicSize; at += 16) {
                long tag = dynamic.getLong(at);
                long value = dynamic.getLong(at + 8);
                if (tag == DT_NULL) {
                    break;
                } else if (tag == DT_NEEDED) {
                    neededNames.add(value);
                } else if (tag == DT_STRTAB) {
                    strtab = value;
                } else if (tag == DT_STRSZ) {
                    strsz = value;
                } else if (tag == DT_VERNEED) {
                    verneed = value;
                } else if (tag == DT_VERNEEDNUM) {
                    verneedNum = value;
                }
            }
            ByteBuffer strings = read(channel, fileOffset(loads, strtab), (int) strsz);
            List<String> needed = new ArrayList<>();
            neededNames.forEach(name -> needed.add(string(strings, name)));
            Map<String, Set<String>> versions = new LinkedHashMap<>();
            long entry = verneed == 0 ? -1 : fileOffset(loads, verneed);
            for (long n = 0; n < verneedNum && entry >= 0; n++) {
                ByteBuffer need = read(channel, entry, 16);
                int count = Short.toUnsignedInt(need.getShort(2));
                String library = string(strings, Integer.toUnsignedLong(need.getInt(4)));
                long aux = entry + Integer.toUnsignedLong(need.getInt(8));
                Set<String> names = versions.computeIfAbsent(library, key -> new LinkedHashSet<>());
                for (int a = 0; a < count; a++) {
                    ByteBuffer vernaux = read(channel, aux, 16);
                    names.add(string(strings, Integer.toUnsignedLong(vernaux.getInt(8))));
                    aux += Integer.toUnsignedLong(vernaux.getInt(12));
                }
                long next = Integer.toUnsignedLong(need.getInt(12));
                entry = next == 0 ? -1 : entry + next;
            }
            return new Links(machine, List.copyOf(needed), versions);
        }
    }

    /**
     * An empty shared library named {@code soname} for {@code machine}: no code, no symbols, only
     * the symbol versions {@code versions} defined, so that the loader accepts it where a library
     * asks for them.
     */
    static byte[] standIn(String soname, int machine, Set<String> versions) {
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        Map<String, Integer> offsets = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        names.add(soname);
        names.addAll(versions);
        for (String name : names) {
            offsets.put(name, strtab.size());
            strtab.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            strtab.write(0);
        }
        int phnum = 3;
        int symtabOffset = 64 + 56 * phnum;
        int hashOffset = symtabOffset + 24;
        int versymOffset = hashOffset + 16;
        int verdefOffset = align(versymOffset + 2, 4);
        int verdefs = names.size();
        int strtabOffset = verdefOffset + 28 * verdefs;
        int dynamicOffset = align(strtabOffset + strtab.size(), 8);
        int dynamicEntries = 10;
        int size = dynamicOffset + 16 * dynamicEntries;

        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        // ELF header: a shared object, no sections.
        out.putInt(0, 0x464c457f).put(4, (byte) 2).put(5, (byte) 1).put(6, (byte) 1);
        out.putShort(16, (short) 3).putShort(18, (short) machine).putInt(20, 1);
        out.putLong(32, 64).putShort(52, (short) 64).putShort(54, (short) 56).putShort(56, (short) phnum)
                .putShort(58, (short) 64);
        // One writable segment holding everything (older loaders adjust .dynamic in place), the
        // dynamic section, and a stack that need not be executable.
        programHeader(out, 64, PT_LOAD, 6, 0, size, 0x10000);
        programHeader(out, 64 + 56, PT_DYNAMIC, 6, dynamicOffset, 16 * dynamicEntries, 8);
        programHeader(out, 64 + 112, PT_GNU_STACK, 6, 0, 0, 16);
        // Symbol 0 (all zeros) is the only symbol; a hash table of one bucket finds nothing.
        out.putInt(hashOffset, 1).putInt(hashOffset + 4, 1);
        // Version definitions: the base (the library itself), then each version asked for.
        for (int i = 0; i < verdefs; i++) {
            int at = verdefOffset + 28 * i;
            String name = names.get(i);
            out.putShort(at, (short) 1).putShort(at + 2, (short) (i == 0 ? 1 : 0)).putShort(at + 4, (short) (i + 1))
                    .putShort(at + 6, (short) 1).putInt(at + 8, (int) elfHash(name)).putInt(at + 12, 20)
                    .putInt(at + 16, i == verdefs - 1 ? 0 : 28);
            out.putInt(at + 20, offsets.get(name)).putInt(at + 24, 0);
        }
        out.put(strtabOffset, strtab.toByteArray());
        long[][] dynamic = {
                {DT_SONAME, offsets.get(soname)}, {DT_HASH, hashOffset}, {DT_STRTAB, strtabOffset},
                {DT_SYMTAB, symtabOffset}, {DT_STRSZ, strtab.size()}, {DT_SYMENT, 24}, {DT_VERSYM, versymOffset},
                {DT_VERDEF, verdefOffset}, {DT_VERDEFNUM, verdefs}, {DT_NULL, 0}};
        for (int i = 0; i < dynamic.length; i++) {
            out.putLong(dynamicOffset + 16 * i, dynamic[i][0]).putLong(dynamicOffset + 16 * i + 8, dynamic[i][1]);
        }
        return out.array();
    }

    /** The System V hash of a name, as version definitions and requirements carry it. */
    static long elfHash(String name) {
        long hash = 0;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash << 4) + (b & 0xff);
            long high = hash & 0xf0000000L;
            if (high != 0) {
                hash ^= high >>> 24;
            }
            hash &= ~high;
        }
        return hash & 0xffffffffL;
    }

    private static void programHeader(ByteBuffer out, int at, int type, int flags, long offset, long size, long align) {
        out.putInt(at, type).putInt(at + 4, flags).putLong(at + 8, offset).putLong(at + 16, offset).putLong(at + 24, offset)
                .putLong(at + 32, size).putLong(at + 40, size).putLong(at + 48, align);
    }

    private static int align(int value, int to) {
        return (value + to - 1) / to * to;
    }

    private static long fileOffset(List<long[]> loads, long address) throws IOException {
        for (long[] load : loads) {
            long offset = load[0];
            long vaddr = load[1];
            long filesz = load[2];
            if (address >= vaddr && address < vaddr + filesz) {
                return offset + (address - vaddr);
            }
        }
        throw new IOException("Address 0x" + Long.toHexString(address) + " is in no loaded segment");
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("ELF file ends early");
            }
        }
        return buffer.flip();
    }

    private static String string(ByteBuffer strings, long offset) {
        int start = (int) offset;
        int end = start;
        while (end < strings.limit() && strings.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        strings.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
