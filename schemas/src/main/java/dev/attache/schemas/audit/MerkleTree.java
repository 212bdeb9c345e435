package dev.attache.schemas.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole Merkle tree over leaf hashes held in memory: what a verifier rebuilds from the log to compute roots and to
 * produce the proofs of RFC 9162 §2.1.3.1 (inclusion) and §2.1.4.1 (consistency), exactly as the RFC defines them.
 */
public final class MerkleTree {

    private final List<byte[]> leaves = new ArrayList<>();

    /** Adds a leaf by its hash ({@link TreeHashes#leaf}). */
    public void append(byte[] leafHash) {
        leaves.add(leafHash.clone());
    }

    public long size() {
        return leaves.size();
    }

    /** MTH(D[0:n]): the root of the first {@code n} leaves. */
    public byte[] root(long n) {
        checkSize(n);
        return n == 0 ? TreeHashes.emptyRoot() : hash(0, (int) n);
    }

    /** PATH(m, D[0:n]): the inclusion proof of leaf {@code index} in the tree of the first {@code n} leaves. */
    public List<byte[]> inclusionPath(long index, long n) {
        checkSize(n);
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(path, (int) index, 0, (int) n);
        return path;
    }

    /** PROOF(m, D[0:n]): that the tree of the first {@code m} leaves is a prefix of the tree of the first {@code n}. */
    public List<byte[]> consistencyProof(long m, long n) {
        checkSize(n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(proof, (int) m, 0, (int) n, true);
        }
        return proof;
    }

    private void path(List<byte[]> path, int m, int from, int n) {
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(path, m, from, k);
            path.add(hash(from + k, n - k));
        } else {
            path(path, m - k, from + k, n - k);
            path.add(hash(from, k));
        }
    }

    private void subproof(List<byte[]> proof, int m, int from, int n, boolean whole) {
        if (m == n) {
            if (!whole) {
                proof.add(hash(from, n));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(proof, m, from, k, whole);
            proof.add(hash(from + k, n - k));
        } else {
            subproof(proof, m - k, from + k, n - k, false);
            proof.add(hash(from, k));
        }
    }

    /** MTH of the {@code n} leaves starting at {@code from}. */
    private byte[] hash(int from, int n) {
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return TreeHashes.node(hash(from, k), hash(from + k, n - k));
    }

    /** The k of RFC 9162: the largest power of two smaller than {@code n} (n ≥ 2). */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private void checkSize(long n) {
        if (n < 0 || n > leaves.size()) {
            throw new IllegalArgumentException("the tree has " + leaves.size() + " leaves, not " + n);
        }
    }
}
