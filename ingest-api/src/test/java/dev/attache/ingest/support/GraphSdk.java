package dev.attache.ingest.support;

import com.microsoft.graph.serviceclient.GraphServiceClient;

import io.restassured.RestAssured;

/** The official Graph SDK clients (v1.0 and beta), pointed at the ingest-api under test with a static token. */
public final class GraphSdk {

    private GraphSdk() {
    }

    public static GraphServiceClient v1(String token) {
        GraphServiceClient client = new GraphServiceClient(
                (request, context) -> request.headers.add("Authorization", "Bearer " + token));
        client.getRequestAdapter().setBaseUrl("http://127.0.0.1:" + RestAssured.port + "/v1.0");
        return client;
    }

    public static com.microsoft.graph.beta.serviceclient.GraphServiceClient beta(String token) {
        var client = new com.microsoft.graph.beta.serviceclient.GraphServiceClient(
                (request, context) -> request.headers.add("Authorization", "Bearer " + token));
        client.getRequestAdapter().setBaseUrl("http://127.0.0.1:" + RestAssured.port + "/beta");
        return client;
    }
}
