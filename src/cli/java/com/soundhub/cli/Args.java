package com.soundhub.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments: words in order, and the options it knows ({@code --rev 3}, {@code --rev=3}, {@code --force}). */
final class Args {

    final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    /**
     * @param valued options that take a value, with their other spellings mapped to one name
     * @param flags  options without a value
     */
    static Args parse(List<String> args, Map<String, String> valued, Set<String> flags) {
        Args parsed = new Args();
        boolean onlyWords = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyWords || !arg.startsWith("-") || arg.equals("-")) {
                parsed.words.add(arg);
            } else if (arg.equals("--")) {
                onlyWords = true;
            } else {
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                if (valued.containsKey(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    parsed.options.put(valued.get(name), value);
                } else if (flags.contains(name) && value == null) {
                    parsed.options.put(name, "");
                } else {
                    throw new UsageException("Unknown option " + arg);
                }
            }
        }
        return parsed;
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    void atMost(int count, String usage) {
        if (words.size() > count) {
            throw new UsageException("Too many arguments: " + String.join(" ", words.subList(count, words.size()))
                    + "\nUsage: " + usage);
        }
    }
}
