package dev.attache.ingest.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.graph.models.Attachment;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.middleware.options.HeadersInspectionOption;

import dev.attache.ingest.support.GraphSdk;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The official Graph SDK, unmodified, against a lost answer: ingest-api commits the attachment, then answers the
 * first attempt {@code 504} (a test hook, as a proxy timing out would). The SDK retries by itself, with the same
 * {@code client-request-id} and {@code Retry-Attempt: 1}; that retry must get the same attachment, not a second one.
 */
@QuarkusTest
@TestProfile(SdkRetryAfterLostAnswerTest.LoseFirstAnswers.class)
@QuarkusTestResource(PipelineStack.class)
class SdkRetryAfterLostAnswerTest {

    static final String LOST = "lost-answer-";

    public static class LoseFirstAnswers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attache.ingest.fault-injection.fail-first-attempt-of", LOST);
        }
    }

    static Event event(String subject) {
        Event event = new Event();
        event.setSubject(subject);
        return event;
    }

    @Test
    void theV1SdksOwnRetryEndsWithExactlyOneAttachment() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        GraphServiceClient graph = GraphSdk.v1(token);
        String eventId = graph.me().events().post(event("Retries")).getId();
        FileAttachment file = new FileAttachment();
        file.setName(LOST + "menu.txt");
        file.setContentBytes("mac and cheese today".getBytes(StandardCharsets.UTF_8));
        HeadersInspectionOption inspect = new HeadersInspectionOption(false, true);

        Attachment created = graph.me().events().byEventId(eventId).attachments().post(file,
                config -> config.options.add(inspect));

        assertThat(created.getName()).isEqualTo(LOST + "menu.txt");
        assertThat(inspect.getResponseHeaders().get("Idempotent-Replayed")).as("answered by the retry")
                .containsExactly("true");
        List<Attachment> all = graph.me().events().byEventId(eventId).attachments().get().getValue();
        assertThat(all).extracting(Attachment::getId).containsExactly(created.getId());
        assertThat(StackClients.settledObjectKeys(tenant + "/", keys -> keys.size() == 1))
                .containsExactly(tenant + "/" + created.getId());
    }

    @Test
    void theBetaSdksOwnRetryEndsWithExactlyOneAttachment() {
        String token = Tokens.user(Tokens.newTenant());
        var graph = GraphSdk.beta(token);
        var event = new com.microsoft.graph.beta.models.Event();
        event.setSubject("Retries on beta");
        String eventId = graph.me().events().post(event).getId();
        var file = new com.microsoft.graph.beta.models.FileAttachment();
        file.setName(LOST + "notes.txt");
        file.setContentBytes("beta".getBytes(StandardCharsets.UTF_8));

        var created = graph.me().events().byEventId(eventId).attachments().post(file);

        assertThat(graph.me().events().byEventId(eventId).attachments().get().getValue())
                .extracting(com.microsoft.graph.beta.models.Attachment::getId).containsExactly(created.getId());
    }

    @Test
    void withoutTheHookTheSameSdkCallIsAnsweredAtOnce() {
        String token = Tokens.user(Tokens.newTenant());
        GraphServiceClient graph = GraphSdk.v1(token);
        String eventId = graph.me().events().post(event("Control")).getId();
        FileAttachment file = new FileAttachment();
        file.setName("kept-menu.txt");
        file.setContentBytes("x".getBytes(StandardCharsets.UTF_8));
        HeadersInspectionOption inspect = new HeadersInspectionOption(false, true);

        graph.me().events().byEventId(eventId).attachments().post(file, config -> config.options.add(inspect));

        assertThat(inspect.getResponseHeaders().containsKey("Idempotent-Replayed")).isFalse();
        assertThat(inspect.getResponseHeaders().containsKey("Location")).isTrue();
    }
}
