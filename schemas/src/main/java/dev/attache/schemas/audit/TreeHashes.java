package dev.attache.schemas.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 §2.1 (as RFC 6962's): a leaf is {@code SHA-256(0x00 ‖ data)}, an interior node
 * {@code SHA-256(0x01 ‖ left ‖ right)}, and the empty tree's root {@code SHA-256()}. The prefixes keep a leaf from
 * ever passing for a node (a second preimage).
 */
public final class TreeHashes {

    public static final int LENGTH = 32;
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private TreeHashes() {
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF);
        sha.update(data);
        return sha.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
