package dev.attache.ingest.sessions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.attache.schemas.session.UploadSession;

/** What the upload URL answers about a session, as Outlook does (graph-compatibility.md §1.6, §3.7). */
final class SessionAnswers {

    private SessionAnswers() {
    }

    /**
     * Outlook's form: {@code ["0-"]} before any byte, then the single next offset ({@code ["2097152"]}); nothing once
     * complete.
     */
    static List<String> nextExpectedRanges(UploadSession session) {
        if (session.complete()) {
            return List.of();
        }
        return List.of(session.received() == 0 ? "0-" : Long.toString(session.received()));
    }

    /** The body of a {@code 200} to a slice or a status read: camelCase, which the Java SDK requires. */
    static Map<String, Object> status(UploadSession session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expirationDateTime", session.expiresAt());
        body.put("nextExpectedRanges", nextExpectedRanges(session));
        return body;
    }
}
