package dev.attache.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub Markdown table: leading label columns left-aligned, the figures after them right-aligned to compare. */
final class MarkdownTable {

    private final int labelColumns;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(int labelColumns, String... headers) {
        this.labelColumns = labelColumns;
        this.headers = List.of(headers);
    }

    MarkdownTable row(String... cells) {
        return row(List.of(cells));
    }

    MarkdownTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        line(out, headers);
        List<String> rule = new ArrayList<>();
        for (int column = 0; column < headers.size(); column++) {
            rule.add(column < labelColumns ? "---" : "---:");
        }
        line(out, rule);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        // A pipe in a cell would end it early.
        cells.forEach(cell -> out.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        out.append('\n');
    }
}
