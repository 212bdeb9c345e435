package dev.attache.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.graph.models.Attachment;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.ItemAttachment;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The official Microsoft Graph Java SDK (v1.0 and beta) as a real client of the running service. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class GraphSdkCompatibilityTest {

    /** An event created through the SDK too, as a Graph client would before attaching to it. */
    static Event newEvent(String subject) {
        Event event = new Event();
        event.setSubject(subject);
        DateTimeTimeZone start = new DateTimeTimeZone();
        start.setDateTime("2026-12-01T10:00:00");
        start.setTimeZone("UTC");
        event.setStart(start);
        DateTimeTimeZone end = new DateTimeTimeZone();
        end.setDateTime("2026-12-01T11:00:00");
        end.setTimeZone("UTC");
        event.setEnd(end);
        return event;
    }

    static AuthenticationProvider bearer(String token) {
        return (request, context) -> request.headers.add("Authorization", "Bearer " + token);
    }

    static GraphServiceClient v1(String token) {
        GraphServiceClient client = new GraphServiceClient(bearer(token));
        client.getRequestAdapter().setBaseUrl("http://127.0.0.1:" + RestAssured.port + "/v1.0");
        return client;
    }

    static com.microsoft.graph.beta.serviceclient.GraphServiceClient beta(String token) {
        var client = new com.microsoft.graph.beta.serviceclient.GraphServiceClient(bearer(token));
        client.getRequestAdapter().setBaseUrl("http://127.0.0.1:" + RestAssured.port + "/beta");
        return client;
    }

    @Test
    void postsAFileAttachmentAndReadsTheTypedResult() {
        FileAttachment file = new FileAttachment();
        file.setName("menu.txt");
        file.setContentBytes("mac and cheese today".getBytes(StandardCharsets.UTF_8));

        GraphServiceClient graph = v1(Tokens.user(Tokens.newTenant()));
        Event event = graph.me().events().post(newEvent("Lunch"));
        assertThat(event.getId()).isNotBlank();
        assertThat(event.getSubject()).isEqualTo("Lunch");

        Attachment created = graph.me().events().byEventId(event.getId()).attachments().post(file);

        assertThat(created).isInstanceOf(FileAttachment.class);
        FileAttachment typed = (FileAttachment) created;
        assertThat(typed.getId()).isNotBlank();
        assertThat(typed.getName()).isEqualTo("menu.txt");
        assertThat(typed.getContentType()).isEqualTo("text/plain");
        assertThat(typed.getSize()).isEqualTo(20);
        assertThat(typed.getIsInline()).isFalse();
        assertThat(typed.getLastModifiedDateTime()).isNotNull();
        assertThat(new String(typed.getContentBytes(), StandardCharsets.UTF_8)).isEqualTo("mac and cheese today");
    }

    @Test
    void postsAnItemAttachmentToAUserCalendarRoute() {
        ItemAttachment attachment = new ItemAttachment();
        attachment.setName("Holiday event");
        Event item = new Event();
        item.setSubject("Discuss gifts for children");
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent("Let's look for funding!");
        item.setBody(body);
        DateTimeTimeZone start = new DateTimeTimeZone();
        start.setDateTime("2016-12-02T18:00:00");
        start.setTimeZone("Pacific Standard Time");
        item.setStart(start);
        item.setEnd(start);
        attachment.setItem(item);
        String tenant = Tokens.newTenant();
        String token = Tokens.sign(Tokens.app(tenant, UUID.randomUUID().toString(), "Calendars.ReadWrite"));
        Events.nameAndAwait(tenant, "user@contoso.com", UUID.randomUUID().toString());

        var calendar = v1(token).users().byUserId("user@contoso.com").calendars().byCalendarId("CAL=1");
        String eventId = calendar.events().post(newEvent("Holidays")).getId();

        Attachment created = calendar.events().byEventId(eventId).attachments().post(attachment);

        assertThat(created).isInstanceOf(ItemAttachment.class);
        assertThat(created.getName()).isEqualTo("Holiday event");
        assertThat(created.getContentType()).isNull();
        assertThat(created.getSize()).isPositive();
    }

    @Test
    void postsAReferenceAttachmentOnBeta() {
        var reference = new com.microsoft.graph.beta.models.ReferenceAttachment();
        reference.setName("Personal pictures");
        reference.setSourceUrl("https://contoso.com/personal/mario_contoso_net/Documents/Pics");
        reference.setProviderType(com.microsoft.graph.beta.models.ReferenceAttachmentProvider.OneDriveConsumer);
        reference.setPermission(com.microsoft.graph.beta.models.ReferenceAttachmentPermission.Edit);
        reference.setIsFolder(true);

        var graph = beta(Tokens.user(Tokens.newTenant()));
        var event = new com.microsoft.graph.beta.models.Event();
        event.setSubject("Pictures");
        String eventId = graph.me().events().post(event).getId();

        var created = graph.me().events().byEventId(eventId).attachments().post(reference);

        assertThat(created).isInstanceOf(com.microsoft.graph.beta.models.ReferenceAttachment.class);
        var typed = (com.microsoft.graph.beta.models.ReferenceAttachment) created;
        assertThat(typed.getSourceUrl()).isEqualTo("https://contoso.com/personal/mario_contoso_net/Documents/Pics");
        assertThat(typed.getPermission()).isEqualTo(com.microsoft.graph.beta.models.ReferenceAttachmentPermission.Edit);
        assertThat(typed.getProviderType())
                .isEqualTo(com.microsoft.graph.beta.models.ReferenceAttachmentProvider.OneDriveConsumer);
        assertThat(typed.getIsFolder()).isTrue();
    }

    @Test
    void readsCountsStreamsAndDeletesThroughTheSdk() throws Exception {
        GraphServiceClient graph = v1(Tokens.user(Tokens.newTenant()));
        String eventId = graph.me().events().post(newEvent("Reads")).getId();
        var attachments = graph.me().events().byEventId(eventId).attachments();
        FileAttachment file = new FileAttachment();
        file.setName("menu.txt");
        file.setContentBytes("mac and cheese today".getBytes(StandardCharsets.UTF_8));
        String fileId = attachments.post(file).getId();
        FileAttachment other = new FileAttachment();
        other.setName("notes.txt");
        other.setContentBytes(new byte[] {1, 2, 3});
        String otherId = attachments.post(other).getId();

        var list = attachments.get(cfg -> cfg.queryParameters.select = new String[] {"id", "name", "size"});
        assertThat(list.getValue()).extracting(Attachment::getName).containsExactlyInAnyOrder("menu.txt", "notes.txt");
        assertThat(list.getValue()).allSatisfy(a -> assertThat(a).isInstanceOf(FileAttachment.class));
        assertThat(((FileAttachment) list.getValue().get(0)).getContentBytes()).isNull();

        Attachment one = attachments.byAttachmentId(fileId).get();
        assertThat(one).isInstanceOf(FileAttachment.class);
        assertThat(new String(((FileAttachment) one).getContentBytes(), StandardCharsets.UTF_8))
                .isEqualTo("mac and cheese today");
        assertThat(attachments.count().get()).isEqualTo(2);

        RequestInformation value = new RequestInformation();
        value.httpMethod = HttpMethod.GET;
        value.urlTemplate = "{+baseurl}/me/events/{eventId}/attachments/{attId}/$value";
        value.pathParameters.put("eventId", eventId);
        value.pathParameters.put("attId", fileId);
        HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
        errors.put("XXX", ODataError::createFromDiscriminatorValue);
        try (InputStream raw = graph.getRequestAdapter().sendPrimitive(value, errors, InputStream.class)) {
            assertThat(new String(raw.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("mac and cheese today");
        }

        attachments.byAttachmentId(otherId).delete();
        assertThat(attachments.count().get()).isEqualTo(1);
        assertThatThrownBy(() -> attachments.byAttachmentId(otherId).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));
    }

    @Test
    void readsThroughTheBetaSdk() {
        var graph = beta(Tokens.user(Tokens.newTenant()));
        var event = new com.microsoft.graph.beta.models.Event();
        event.setSubject("Beta reads");
        String eventId = graph.me().events().post(event).getId();
        var attachments = graph.me().events().byEventId(eventId).attachments();
        var reference = new com.microsoft.graph.beta.models.ReferenceAttachment();
        reference.setName("Pics");
        reference.setSourceUrl("https://contoso.com/pics");
        reference.setPermission(com.microsoft.graph.beta.models.ReferenceAttachmentPermission.View);
        String id = attachments.post(reference).getId();

        var listed = attachments.get().getValue();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isInstanceOf(com.microsoft.graph.beta.models.ReferenceAttachment.class);
        var one = (com.microsoft.graph.beta.models.ReferenceAttachment) attachments.byAttachmentId(id).get();
        assertThat(one.getPermission()).isEqualTo(com.microsoft.graph.beta.models.ReferenceAttachmentPermission.View);
        assertThat(attachments.count().get()).isEqualTo(1);
        var file = new com.microsoft.graph.beta.models.FileAttachment();
        file.setName("b.txt");
        file.setContentBytes("beta bytes".getBytes(StandardCharsets.UTF_8));
        String fileId = attachments.post(file).getId();
        RequestInformation value = new RequestInformation();
        value.httpMethod = HttpMethod.GET;
        value.urlTemplate = "{+baseurl}/me/events/{eventId}/attachments/{attId}/$value";
        value.pathParameters.put("eventId", eventId);
        value.pathParameters.put("attId", fileId);
        HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
        errors.put("XXX", com.microsoft.graph.beta.models.odataerrors.ODataError::createFromDiscriminatorValue);
        try (InputStream raw = graph.getRequestAdapter().sendPrimitive(value, errors, InputStream.class)) {
            assertThat(new String(raw.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("beta bytes");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        attachments.byAttachmentId(id).delete();
        attachments.byAttachmentId(fileId).delete();
        assertThat(attachments.count().get()).isZero();
    }

    @Test
    void errorsReachTheSdkAsODataErrors() {
        FileAttachment nameless = new FileAttachment();
        nameless.setContentBytes(new byte[] {1, 2, 3});

        GraphServiceClient graph = v1(Tokens.user(Tokens.newTenant()));
        String eventId = graph.me().events().post(newEvent("Errors")).getId();
        assertThatThrownBy(() -> graph.me().events().byEventId(eventId).attachments().post(nameless))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(400);
                    assertThat(e.getError().getCode()).isEqualTo("ErrorInvalidRequest");
                    assertThat(e.getMessage()).isNotBlank();
                    assertThat(e.getError().getInnerError().getRequestId()).isNotBlank();
                });
        assertThatThrownBy(() -> graph.me().events().byEventId("AAMk-not-there").attachments().post(nameless))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(404);
                    assertThat(e.getError().getCode()).isEqualTo("ErrorItemNotFound");
                });
        assertThatThrownBy(() -> v1("garbage").me().events().byEventId(eventId).attachments().post(nameless))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(401);
                    assertThat(e.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
                });
    }
}
