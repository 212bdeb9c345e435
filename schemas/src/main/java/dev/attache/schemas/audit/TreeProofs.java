package dev.attache.schemas.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifications of RFC 9162: an inclusion proof against a root (§2.1.3.2) and a consistency proof between two
 * roots (§2.1.4.2), step by step as the RFC writes them. They read only the proof and the signed values, never the
 * log, so an auditor can check a proof the service hands out.
 */
public final class TreeProofs {

    private TreeProofs() {
    }

    /** Whether {@code path} proves the leaf hashed {@code leafHash} at {@code index} in the tree of {@code size}. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHashes.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = TreeHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows the tree of {@code first} leaves (root {@code firstRoot}) is a prefix of the tree of
     * {@code second} leaves (root {@code secondRoot}): nothing in it was rewritten, reordered or dropped.
     */
    public static boolean verifyConsistency(long first, long second, List<byte[]> proof, byte[] firstRoot,
            byte[] secondRoot) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            // the empty tree is a prefix of every tree
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHashes.node(c, fr);
                sr = TreeHashes.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = TreeHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot) && sn == 0;
    }
}
