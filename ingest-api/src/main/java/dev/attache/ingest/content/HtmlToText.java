package dev.attache.ingest.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML body, for the plain-text {@code DESCRIPTION} beside the HTML one: parsed with jsoup (entities
 * decoded, {@code <head>}, scripts and styles dropped), a line break for {@code <br>} and around block elements,
 * runs of whitespace (non-breaking spaces included) collapsed to one space, except in {@code <pre>}.
 */
final class HtmlToText {

    private HtmlToText() {
    }

    static String text(String html) {
        Element body = Jsoup.parse(html).body();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    appendText(text, textNode);
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        text.append('\n');
                    } else if (element.isBlock()) {
                        lineBreak(text);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    lineBreak(text);
                }
            }
        }, body);
        return tidy(text);
    }

    private static void appendText(StringBuilder text, TextNode node) {
        if (inPre(node)) {
            text.append(node.getWholeText());
            return;
        }
        String collapsed = node.getWholeText().replaceAll("[ \\t\\n\\r\\f\\u00a0]+", " ");
        boolean atLineStart = text.length() == 0 || text.charAt(text.length() - 1) == '\n'
                || text.charAt(text.length() - 1) == ' ';
        text.append(atLineStart ? collapsed.stripLeading() : collapsed);
    }

    private static boolean inPre(Node node) {
        for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
            if (parent instanceof Element element && element.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static void lineBreak(StringBuilder text) {
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    /** Trailing spaces off every line, at most one empty line in a row, none at either end. */
    private static String tidy(StringBuilder text) {
        String lines = text.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
        return lines.strip();
    }
}
