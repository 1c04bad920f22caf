package com.soundhub.accounts;

import java.util.Set;

/** What a member may do. Every member is a {@code user}; admins are also {@code admin}. */
public enum Role {
    USER,
    ADMIN;

    public static final String USER_GROUP = "user";
    public static final String ADMIN_GROUP = "admin";

    /** The Jakarta Security groups (mapped to roles of the same name) a member with this role is in. */
    public Set<String> groups() {
        return this == ADMIN ? Set.of(USER_GROUP, ADMIN_GROUP) : Set.of(USER_GROUP);
    }
}
