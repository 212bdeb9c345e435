package dev.attache.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RequestShapeTest {

    static final RequestShape SHAPE = new RequestShape(100, 200);

    @Test
    void aLongTargetIsRefusedWith414() {
        assertThat(SHAPE.check("/" + "a".repeat(99), List.of())).isEmpty();
        assertThat(SHAPE.check("/" + "a".repeat(100), List.of())).get()
                .satisfies(r -> assertThat(r.status()).isEqualTo(414))
                .satisfies(r -> assertThat(r.code()).isEqualTo("RequestUriTooLong"));
    }

    @Test
    void largeHeadersAreRefusedWith431() {
        assertThat(SHAPE.check("/", List.of(Map.entry("X-A", "v".repeat(190))))).isEmpty();
        assertThat(SHAPE.check("/", List.of(Map.entry("X-A", "v".repeat(100)), Map.entry("X-B", "v".repeat(100)))))
                .get().satisfies(r -> assertThat(r.status()).isEqualTo(431));
    }

    @Test
    void malformedEscapesAreABadRequest() {
        assertThat(RequestShape.malformedEscape("/v1.0/me/events/AAM%3D/attachments?$filter=size%20gt%201"))
                .isEqualTo(-1);
        assertThat(RequestShape.malformedEscape("/v1.0/me/events/%zz/attachments")).isEqualTo(16);
        assertThat(RequestShape.malformedEscape("/a%2")).isEqualTo(2);
        assertThat(RequestShape.malformedEscape("/a?x=%")).isEqualTo(5);
        assertThat(SHAPE.check("/%G0", List.of())).get().satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.code()).isEqualTo("BadRequest"));
    }

    @Test
    void whatIsNotAUriIsABadRequest() {
        for (String target : new String[] {"/a b", "/{x}", "/a|b", "/a\"b"}) {
            assertThat(SHAPE.check(target, List.of())).as(target).get()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                    .satisfies(r -> assertThat(r.message()).startsWith("The request URL is not a valid URI"));
        }
        assertThat(SHAPE.check("/v1.0/users('a%40b.com')/events('E%3D')/attachments?$top=1&$select=id,name",
                List.of())).isEmpty();
    }
}
