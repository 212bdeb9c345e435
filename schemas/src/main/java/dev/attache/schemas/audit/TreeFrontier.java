package dev.attache.schemas.audit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An append-only Merkle tree (RFC 9162 §2.1) kept as its frontier: the roots of the perfect subtrees its leaves form,
 * largest first, one per set bit of the size. Appending merges equal subtrees as a binary counter carries, so the
 * writer keeps log2(n) hashes, not n leaves, and the root is the frontier folded from the right.
 *
 * @param size the number of leaves
 * @param roots lower-case hex of each perfect subtree's root, largest (leftmost) first
 */
public record TreeFrontier(long size, List<String> roots) {

    private static final HexFormat HEX = HexFormat.of();

    public TreeFrontier {
        roots = List.copyOf(roots);
        if (size < 0 || roots.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a frontier of " + size + " leaves has one root per set bit of it");
        }
    }

    public static TreeFrontier empty() {
        return new TreeFrontier(0, List.of());
    }

    /** The tree with one more leaf, whose hash ({@link TreeHashes#leaf}) is {@code leafHash}. */
    public TreeFrontier append(byte[] leafHash) {
        List<String> next = new ArrayList<>(roots);
        byte[] carry = leafHash;
        // each trailing set bit of the size is a subtree as large as the carry: merge it in
        for (long n = size; (n & 1) == 1; n >>= 1) {
            carry = TreeHashes.node(HEX.parseHex(next.remove(next.size() - 1)), carry);
        }
        next.add(HEX.formatHex(carry));
        return new TreeFrontier(size + 1, next);
    }

    /** The tree's root hash (MTH of its leaves). */
    public byte[] root() {
        if (roots.isEmpty()) {
            return TreeHashes.emptyRoot();
        }
        byte[] root = HEX.parseHex(roots.get(roots.size() - 1));
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = TreeHashes.node(HEX.parseHex(roots.get(i)), root);
        }
        return root;
    }
}
