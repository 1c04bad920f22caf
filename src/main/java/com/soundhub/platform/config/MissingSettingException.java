package com.soundhub.platform.config;

/** Thrown at start-up when a required setting is absent; its message names the setting. */
public class MissingSettingException extends RuntimeException {

    public MissingSettingException(String message) {
        super(message);
    }
}
