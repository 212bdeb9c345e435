package dev.attache.audit.trail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.attache.audit.log.TrailEntry;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.audit.AuditEntry;
import dev.attache.schemas.kafka.ContractJson;

/** An entry as an auditor reads it: the columns of a table or a CSV row, or a JSON line with its position. */
public final class EntryFormat {

    /** The columns, in order: when, who, what, where, ids, the hash. */
    public static final List<String> COLUMNS = List.of("loggedAt", "tenantId", "actorKind", "actorId", "actorUpn",
            "action", "outcome", "eventId", "attachmentId", "name", "size", "sha256", "apiVersion", "route",
            "requestId", "clientRequestId", "error", "partition", "index");

    private EntryFormat() {
    }

    public static Map<String, String> columns(TrailEntry e) {
        AuditEntry entry = e.entry();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("loggedAt", entry.loggedAt());
        row.put("tenantId", entry.tenantId());
        row.put("actorKind", entry.actor() == null ? "system-of-record" : entry.actor().kind());
        row.put("actorId", entry.actor() == null ? "" : entry.actor().objectId());
        row.put("actorUpn", entry.actor() == null || entry.actor().upn() == null ? "" : entry.actor().upn());
        row.put("action", entry.action());
        row.put("outcome", entry.outcome() + (entry.repeat() ? " (repeat)" : ""));
        row.put("eventId", entry.eventId());
        row.put("attachmentId", nullToEmpty(entry.attachmentId()));
        row.put("name", entry.attachment() == null ? "" : nullToEmpty(entry.attachment().name()));
        row.put("size", entry.attachment() == null ? "" : Integer.toString(entry.attachment().size()));
        row.put("sha256", entry.attachment() == null ? "" : nullToEmpty(entry.attachment().sha256()));
        row.put("apiVersion", entry.route() == null ? "" : entry.route().apiVersion());
        row.put("route", route(entry.route()));
        row.put("requestId", entry.trace() == null ? "" : nullToEmpty(entry.trace().requestId()));
        row.put("clientRequestId", entry.trace() == null ? "" : nullToEmpty(entry.trace().clientRequestId()));
        row.put("error", entry.error() == null ? "" : entry.error().status() + " " + entry.error().code() + ": "
                + entry.error().message());
        row.put("partition", Integer.toString(e.partition()));
        row.put("index", Long.toString(e.index()));
        return row;
    }

    /** The entry as written, with its position in the trail. */
    public static String jsonLine(TrailEntry e) {
        try {
            ObjectNode node = (ObjectNode) ContractJson.MAPPER.readTree(e.bytes());
            node.put("partition", e.partition());
            node.put("index", e.index());
            return ContractJson.MAPPER.writeValueAsString(node);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** RFC 4180: quoted where needed, quotes doubled. */
    public static String csvRow(List<String> values) {
        List<String> cells = new ArrayList<>();
        for (String value : values) {
            String v = value == null ? "" : value;
            // a cell a spreadsheet would run as a formula is quoted with a leading apostrophe
            if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
            cells.add(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", cells);
    }

    /** Rows as a fixed-width text table. */
    public static List<String> table(List<String> columns, List<Map<String, String>> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (Map<String, String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(columns.get(i)).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(columns, widths));
        for (Map<String, String> row : rows) {
            lines.add(line(columns.stream().map(row::get).toList(), widths));
        }
        return lines;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            out.append(String.format("%-" + widths[i] + "s", cells.get(i)));
            if (i < cells.size() - 1) {
                out.append("  ");
            }
        }
        return out.toString().stripTrailing();
    }

    private static String route(Route route) {
        if (route == null) {
            return "";
        }
        return route.ownerKind() + (route.ownerId() == null ? "" : "/" + route.ownerId()) + "/" + route.container()
                + (route.calendarId() == null ? "" : "/" + route.calendarId());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
