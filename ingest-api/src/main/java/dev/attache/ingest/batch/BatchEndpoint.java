package dev.attache.ingest.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attache.ingest.api.GraphDispatcher;
import dev.attache.ingest.body.BoundedInputStream;
import dev.attache.ingest.body.RequestTooLargeException;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.request.RequestIds;
import dev.attache.ingest.body.RequestLimits;
import dev.attache.schemas.graph.GraphErrorCodes;

/**
 * {@code POST /{v1.0|beta}/$batch}: JSON batching as Graph does it (docs/graph-compatibility.md §6). Each item runs
 * in-process through the {@link GraphDispatcher}, with the batch's caller, exactly as if sent alone; an item whose
 * dependency failed is {@code 424}. Items whose dependencies are done run in the order listed, at most
 * {@value #PER_MAILBOX} at a time per mailbox (Outlook's rule), on a pool of their own so a batch never waits for a
 * thread that another batch holds.
 */
@ApplicationScoped
public class BatchEndpoint {

    /** Outlook runs at most this many requests of one batch at once against one mailbox. */
    public static final int PER_MAILBOX = 4;

    private static final Logger LOG = Logger.getLogger(BatchEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphDispatcher dispatcher;
    private final RequestLimits limits;
    private final ExecutorService items;
    private final long maxResponseBytes;

    BatchEndpoint(GraphDispatcher dispatcher, RequestLimits limits,
            @ConfigProperty(name = "attache.ingest.batch.item-threads") int itemThreads,
            @ConfigProperty(name = "attache.ingest.batch.max-response-bytes") long maxResponseBytes) {
        this.dispatcher = dispatcher;
        this.limits = limits;
        this.maxResponseBytes = maxResponseBytes;
        AtomicInteger count = new AtomicInteger();
        this.items = Executors.newFixedThreadPool(itemThreads, task -> {
            Thread thread = new Thread(task, "batch-item-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        items.shutdownNow();
    }

    /** Runs the batch {@code request} carries; its path is {@code /{version}/$batch}. */
    public GraphResponse run(GraphRequest request, String apiVersion) {
        BatchPlan plan = BatchPlan.of(read(request.body()));
        List<ItemResponse> responses = execute(plan, request, apiVersion);
        return GraphResponse.json(200, (StreamingOutput) out -> ItemResponse.writeAll(responses, out));
    }

    private JsonNode read(InputStream body) {
        try (InputStream in = new BoundedInputStream(body, limits.maxRequestBytes())) {
            return JSON.readTree(in);
        } catch (RequestTooLargeException e) {
            throw new GraphException(413, GraphErrorCodes.REQUEST_TOO_LARGE, limits.tooLargeMessage());
        } catch (JsonParseException e) {
            throw GraphException.badRequest("The batch is not valid JSON.");
        } catch (IOException e) {
            throw GraphException.badRequest("The batch could not be read.");
        }
    }

    /** What one item answered, its body already written (JSON embedded as is, anything else as a string). */
    private List<ItemResponse> execute(BatchPlan plan, GraphRequest batch, String apiVersion) {
        Map<String, ItemRequest> prepared = new HashMap<>();
        plan.items().forEach(item -> prepared.put(item.id(), ItemRequest.of(item, batch, apiVersion)));
        ResponseBudget budget = new ResponseBudget(maxResponseBytes);
        try {
            return new BatchScheduler<ItemResponse>(PER_MAILBOX, items).run(plan.items(),
                    item -> prepared.get(item.id()).mailbox(),
                    item -> respond(item, prepared.get(item.id()), budget),
                    item -> failedDependency(item, batch));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // never a retryable status: some items may have run, and a retry would repeat them
            throw new GraphException(500, GraphErrorCodes.GENERAL_EXCEPTION, "The batch was interrupted (the "
                    + "service is stopping); some of its requests may have run. Check before sending it again.",
                    Map.of(), e);
        }
    }

    /** The item through the same dispatcher as an HTTP request: its answer, or its refusal in Graph's envelope. */
    private ItemResponse respond(BatchItem item, ItemRequest prepared, ResponseBudget budget) {
        GraphRequest request = prepared.request();
        try {
            GraphResponse response = prepared.refusal() != null ? null : dispatcher.dispatch(request);
            if (response == null) {
                throw prepared.refusal();
            }
            try {
                return ItemResponse.written(item.id(), "GET".equals(request.method()), response, request.ids(),
                        budget);
            } finally {
                response.released();
            }
        } catch (ResponseBudget.Exceeded e) {
            return ItemResponse.error(item.id(), 413, GraphErrorCodes.REQUEST_TOO_LARGE, "The responses of this "
                    + "batch would exceed " + maxResponseBytes / (1024 * 1024) + " MiB. Send this request alone.",
                    Map.of(), request.ids());
        } catch (GraphException e) {
            return ItemResponse.error(item.id(), e.status(), e.code(), e.getMessage(), e.headers(), request.ids());
        } catch (Exception | Error e) {
            // whatever it was, the item is answered: an unanswered item would hold the whole batch
            LOG.errorf(e, "Unexpected failure of batch request %s (request-id %s)", item.id(),
                    request.ids().requestId());
            return ItemResponse.error(item.id(), 500, GraphErrorCodes.GENERAL_EXCEPTION,
                    "An internal server error occurred. Quote request-id " + request.ids().requestId()
                            + " when reporting it.", Map.of(), request.ids());
        }
    }

    private static ItemResponse failedDependency(BatchItem item, GraphRequest batch) {
        RequestIds ids = RequestIds.assign(batch.ids().sentClientRequestId());
        return ItemResponse.error(item.id(), 424, GraphErrorCodes.FAILED_DEPENDENCY, "The request depends on "
                + item.dependsOn() + ", and at least one of them failed.", Map.of(), ids);
    }
}
