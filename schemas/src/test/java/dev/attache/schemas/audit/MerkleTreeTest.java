package dev.attache.schemas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * RFC 9162 §2.1 against the published test vectors of the Certificate Transparency reference implementation (the
 * same leaves and roots RFC 6962 implementations share), then against every tree up to a few hundred leaves.
 */
class MerkleTreeTest {

    static final HexFormat HEX = HexFormat.of();
    static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    /** leaf index, tree size → audit path. */
    static final Map<List<Integer>, List<String>> PATHS = Map.of(
            List.of(0, 1), List.of(),
            List.of(0, 8), List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of(5, 8), List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            List.of(2, 3), List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            List.of(1, 5), List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
    /** first size, second size → consistency proof. */
    static final Map<List<Integer>, List<String>> CONSISTENCY = Map.of(
            List.of(1, 1), List.of(),
            List.of(1, 8), List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of(6, 8), List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            List.of(2, 5), List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));

    static MerkleTree vectorTree() {
        MerkleTree tree = new MerkleTree();
        LEAVES.forEach(leaf -> tree.append(TreeHashes.leaf(HEX.parseHex(leaf))));
        return tree;
    }

    static MerkleTree tree(int n) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < n; i++) {
            tree.append(TreeHashes.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return tree;
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    void rootsAreThePublishedOnesForEverySizeAndTheFrontierAgrees() {
        MerkleTree tree = vectorTree();
        TreeFrontier frontier = TreeFrontier.empty();
        assertThat(HEX.formatHex(frontier.root())).isEqualTo(ROOTS.get(0));
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(tree.root(n))).as("MTH of %d leaves", n).isEqualTo(ROOTS.get(n));
            if (n > 0) {
                frontier = frontier.append(TreeHashes.leaf(HEX.parseHex(LEAVES.get(n - 1))));
                assertThat(HEX.formatHex(frontier.root())).as("frontier of %d leaves", n).isEqualTo(ROOTS.get(n));
            }
        }
        assertThat(frontier.roots()).hasSize(1);
    }

    @Test
    void inclusionPathsAreThePublishedOnesAndVerify() {
        MerkleTree tree = vectorTree();
        PATHS.forEach((at, expected) -> {
            int index = at.get(0);
            int size = at.get(1);
            List<byte[]> path = tree.inclusionPath(index, size);
            assertThat(hex(path)).as("PATH(%d, D[%d])", index, size).isEqualTo(expected);
            assertThat(TreeProofs.verifyInclusion(TreeHashes.leaf(HEX.parseHex(LEAVES.get(index))), index, size,
                    path, HEX.parseHex(ROOTS.get(size)))).isTrue();
        });
    }

    @Test
    void consistencyProofsAreThePublishedOnesAndVerify() {
        MerkleTree tree = vectorTree();
        CONSISTENCY.forEach((sizes, expected) -> {
            int first = sizes.get(0);
            int second = sizes.get(1);
            List<byte[]> proof = tree.consistencyProof(first, second);
            assertThat(hex(proof)).as("PROOF(%d, D[%d])", first, second).isEqualTo(expected);
            assertThat(TreeProofs.verifyConsistency(first, second, proof, HEX.parseHex(ROOTS.get(first)),
                    HEX.parseHex(ROOTS.get(second)))).isTrue();
        });
    }

    @Test
    void everyProofOfEveryTreeUpToAHundredLeavesVerifiesAndTheFrontierKeepsUp() {
        MerkleTree tree = tree(100);
        TreeFrontier frontier = TreeFrontier.empty();
        for (int n = 1; n <= 100; n++) {
            frontier = frontier.append(TreeHashes.leaf(("leaf " + (n - 1)).getBytes(StandardCharsets.UTF_8)));
            byte[] root = tree.root(n);
            assertThat(frontier.root()).isEqualTo(root);
            for (int i = 0; i < n; i++) {
                byte[] leaf = TreeHashes.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8));
                assertThat(TreeProofs.verifyInclusion(leaf, i, n, tree.inclusionPath(i, n), root))
                        .as("leaf %d of %d", i, n).isTrue();
            }
            for (int m = 0; m <= n; m++) {
                assertThat(TreeProofs.verifyConsistency(m, n, tree.consistencyProof(m, n), tree.root(m), root))
                        .as("%d → %d", m, n).isTrue();
            }
        }
    }

    @Test
    void aFlippedBitAWrongIndexSizeOrRootOrAnAlteredPathFailsInclusion() {
        MerkleTree tree = tree(13);
        byte[] root = tree.root(13);
        for (int i = 0; i < 13; i++) {
            byte[] leaf = TreeHashes.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8));
            List<byte[]> path = tree.inclusionPath(i, 13);
            for (int j = 0; j < path.size(); j++) {
                List<byte[]> bad = new ArrayList<>(path);
                byte[] flipped = bad.get(j).clone();
                flipped[j % flipped.length] ^= 1;
                bad.set(j, flipped);
                assertThat(TreeProofs.verifyInclusion(leaf, i, 13, bad, root)).isFalse();
            }
            if (i > 0) {
                assertThat(TreeProofs.verifyInclusion(leaf, i - 1, 13, path, root)).isFalse();
            }
            // (the size shapes the walk; it is bound to the root by the signed checkpoint, not by the proof)
            assertThat(TreeProofs.verifyInclusion(leaf, i, i, path, root)).as("a size without the leaf").isFalse();
            assertThat(TreeProofs.verifyInclusion(leaf, i, 13, path, tree.root(12))).isFalse();
            assertThat(TreeProofs.verifyInclusion(leaf, i, 13, path.subList(0, path.size() - 1), root)).isFalse();
            List<byte[]> longer = new ArrayList<>(path);
            longer.add(path.get(0));
            assertThat(TreeProofs.verifyInclusion(leaf, i, 13, longer, root)).isFalse();
        }
        assertThat(TreeProofs.verifyInclusion(TreeHashes.leaf(new byte[0]), 13, 13, List.of(), root)).isFalse();
    }

    @Test
    void aRewrittenReorderedOrDroppedLeafBreaksConsistency() {
        MerkleTree honest = tree(20);
        MerkleTree rewritten = new MerkleTree();
        MerkleTree reordered = new MerkleTree();
        MerkleTree dropped = new MerkleTree();
        for (int i = 0; i < 20; i++) {
            byte[] leaf = TreeHashes.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8));
            rewritten.append(i == 4 ? TreeHashes.leaf("forged".getBytes(StandardCharsets.UTF_8)) : leaf);
            reordered.append(TreeHashes.leaf(("leaf " + (i == 5 ? 6 : i == 6 ? 5 : i)).getBytes(
                    StandardCharsets.UTF_8)));
            if (i != 3) {
                dropped.append(leaf);
            }
        }
        dropped.append(TreeHashes.leaf("padding".getBytes(StandardCharsets.UTF_8)));
        byte[] signedAt10 = honest.root(10);
        for (MerkleTree later : List.of(rewritten, reordered, dropped)) {
            assertThat(TreeProofs.verifyConsistency(10, 20, later.consistencyProof(10, 20), signedAt10,
                    later.root(20))).isFalse();
        }
        assertThat(TreeProofs.verifyConsistency(10, 20, honest.consistencyProof(10, 20), signedAt10,
                honest.root(20))).isTrue();
        assertThat(TreeProofs.verifyConsistency(10, 20, honest.consistencyProof(10, 20), signedAt10,
                rewritten.root(20))).isFalse();
        assertThat(TreeProofs.verifyConsistency(11, 10, List.of(), signedAt10, signedAt10)).isFalse();
        assertThat(TreeProofs.verifyConsistency(5, 10, List.of(), honest.root(5), signedAt10)).isFalse();
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        MerkleTree tree = tree(3);
        assertThatThrownBy(() -> tree.inclusionPath(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TreeFrontier(3, List.of("00"))).isInstanceOf(IllegalArgumentException.class);
    }
}
