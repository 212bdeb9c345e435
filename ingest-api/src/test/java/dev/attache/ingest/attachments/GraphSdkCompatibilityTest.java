package dev.attache.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
import com.microsoft.kiota.authentication.AuthenticationProvider;

import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The official Microsoft Graph Java SDK (v1.0 and beta) as a real client of the running service. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class GraphSdkCompatibilityTest {

    static final String EVENT = "AAMkAGI1AAAt9AHjAAA=";

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

        Attachment created = v1(Tokens.user(Tokens.newTenant())).me().events().byEventId(EVENT).attachments().post(file);

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

        Attachment created = v1(token).users().byUserId("user@contoso.com").calendars().byCalendarId("CAL=1")
                .events().byEventId(EVENT).attachments().post(attachment);

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

        var created = beta(Tokens.user(Tokens.newTenant())).me().events().byEventId(EVENT).attachments().post(reference);

        assertThat(created).isInstanceOf(com.microsoft.graph.beta.models.ReferenceAttachment.class);
        var typed = (com.microsoft.graph.beta.models.ReferenceAttachment) created;
        assertThat(typed.getSourceUrl()).isEqualTo("https://contoso.com/personal/mario_contoso_net/Documents/Pics");
        assertThat(typed.getPermission()).isEqualTo(com.microsoft.graph.beta.models.ReferenceAttachmentPermission.Edit);
        assertThat(typed.getProviderType())
                .isEqualTo(com.microsoft.graph.beta.models.ReferenceAttachmentProvider.OneDriveConsumer);
        assertThat(typed.getIsFolder()).isTrue();
    }

    @Test
    void errorsReachTheSdkAsODataErrors() {
        FileAttachment nameless = new FileAttachment();
        nameless.setContentBytes(new byte[] {1, 2, 3});

        assertThatThrownBy(() -> v1(Tokens.user(Tokens.newTenant())).me().events().byEventId(EVENT).attachments()
                .post(nameless))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(400);
                    assertThat(e.getError().getCode()).isEqualTo("ErrorInvalidRequest");
                    assertThat(e.getMessage()).isNotBlank();
                    assertThat(e.getError().getInnerError().getRequestId()).isNotBlank();
                });
        assertThatThrownBy(() -> v1("garbage").me().events().byEventId(EVENT).attachments().post(nameless))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(401);
                    assertThat(e.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
                });
    }
}
