package dev.attache.local.cli;

import java.util.Arrays;
import java.util.List;

/** Parses {@code --scopes} and {@code --roles}: names separated by spaces or commas, as people type them. */
final class PermissionList {

    private PermissionList() {
    }

    static List<String> parse(String text) {
        return Arrays.stream(text.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }
}
