package com.soundhub.recordings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import com.soundhub.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is listening, for counting plays: a member by id, anyone else by a hash of their address and
 * browser, so that no address is stored.
 */
final class Listeners {

    private Listeners() {
    }

    static String key(Optional<Long> memberId, HttpServletRequest request) {
        if (memberId.isPresent()) {
            return "m:" + memberId.get();
        }
        String visitor = ClientInfo.address(request) + "|" + ClientInfo.userAgent(request);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(visitor.getBytes(StandardCharsets.UTF_8));
            return "v:" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
