package dev.attache.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.attache.local.stack.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load, each its own test on one shared stack (started once): a steady stream of uploads, four in
 * flight, while one part of the stack dies or goes away and comes back. Each test then checks what a user would:
 *
 * <ul>
 *   <li>every {@code 201} and {@code 202} id is readable (nothing lost);</li>
 *   <li>no request's attachment is stored twice (nothing duplicated);</li>
 *   <li>a {@code 503} came with {@code Retry-After} and nothing of its request was kept (the client was told the
 *       truth: retry);</li>
 *   <li>no other status; objects no record references are removed by the sweep (nothing orphaned).</li>
 * </ul>
 *
 * The figures of each fault go to {@code target/fault-table.md} (and into docs/operations.md by hand).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    static final int IN_FLIGHT = 4;
    static final Duration BEFORE = Duration.ofSeconds(8);
    static final Duration AFTER = Duration.ofSeconds(12);
    static final Duration OUTAGE = Duration.ofSeconds(10);
    static final Path TABLE = Path.of("target", "fault-table.md");

    static FaultStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = FaultStack.start();
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, "| fault | requests | 201 / 202 / 503 | no answer | lost | duplicates | orphans"
                + " before / after sweep | s to recover |\n|---|---:|---|---:|---:|---:|---|---:|\n");
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    /** A fault: what it does to the stack, returning when whatever it stopped was started again (nanoTime). */
    interface Fault {
        long inject() throws Exception;
    }

    @Test
    @Order(1)
    void processorKilled() throws Exception {
        run("a. kill -9 processor (up restarts it)", () -> {
            stack.process(Service.PROCESSOR).destroyForcibly();
            return System.nanoTime();
        });
    }

    @Test
    @Order(2)
    void brokerStoppedAndStarted() throws Exception {
        run("b. Kafka broker stopped " + OUTAGE.toSeconds() + " s, started", () -> {
            stack.launcher().kafka().stop();
            pauseFor(OUTAGE);
            stack.launcher().kafka().start();
            return System.nanoTime();
        });
    }

    @Test
    @Order(3)
    void s3StoppedAndStarted() throws Exception {
        run("c. S3 server stopped " + OUTAGE.toSeconds() + " s, started", () -> {
            stack.launcher().s3().stop();
            pauseFor(OUTAGE);
            stack.launcher().s3().start();
            return System.nanoTime();
        });
    }

    @Test
    @Order(4)
    void ingestApiKilledBetweenUploadAndAppend() throws Exception {
        run("d. ingest-api killed between S3 PUT and append", load -> {
            long pid = stack.process(Service.INGEST_API).pid();
            load.haltOnNext();
            // the halted process ends by itself; up restarts it
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.launcher().pid(Service.INGEST_API).orElse(pid)
                    != pid);
            return System.nanoTime();
        });
    }

    @Test
    @Order(5)
    void processorRestartedGracefully() throws Exception {
        run("e. graceful restart (SIGTERM) of the processor", () -> {
            stack.process(Service.PROCESSOR).destroy();
            return System.nanoTime();
        });
    }

    /** The reply listener cannot reach the broker when it starts: it keeps trying, and is ready once it can. */
    @Test
    @Order(6)
    void ingestApiStartedWhileTheBrokerIsDown() throws Exception {
        run("f. ingest-api restarted while the broker is down " + OUTAGE.toSeconds() + " s", () -> {
            stack.launcher().kafka().stop();
            stack.process(Service.INGEST_API).destroy();
            pauseFor(OUTAGE);
            stack.launcher().kafka().start();
            return System.nanoTime();
        });
    }

    interface LoadFault {
        long inject(SteadyLoad load) throws Exception;
    }

    void run(String name, Fault fault) throws Exception {
        run(name, load -> fault.inject());
    }

    void run(String name, LoadFault fault) throws Exception {
        String tenant = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        Pipeline pipeline = new Pipeline(stack.graphBase(), stack.tokenForNewUser(tenant, user));
        String event = awaitCreated(pipeline);
        String prefix = "f" + name.charAt(0);

        SteadyLoad load = new SteadyLoad(pipeline, event, prefix, IN_FLIGHT);
        await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= 8);
        pauseFor(BEFORE);
        long faultAt = System.nanoTime();
        long back = fault.inject(load);
        // load goes on until the stack answers 201 again, then a while longer
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> firstCreatedAfter(
                load.snapshot(), back).isPresent());
        pauseFor(AFTER);
        List<SteadyLoad.Sent> sent = load.stop();
        double recovery = (firstCreatedAfter(sent, back).orElseThrow() - Math.max(back, faultAt)) / 1e9;

        assertThat(stack.gaveUp()).as("the supervisor kept every app").isFalse();
        // every command of this event is in one partition, in order: once a marker is answered, all before it are
        // decided, so what is listed now is what the stack kept
        awaitMarker(pipeline, event, prefix + "-marker-");
        List<String[]> listed = pipeline.list(event).orElseThrow();
        Map<String, Integer> stored = new HashMap<>();
        Set<String> storedIds = new HashSet<>();
        for (String[] attachment : listed) {
            stored.merge(attachment[1], 1, Integer::sum);
            storedIds.add(attachment[0]);
        }

        int created = 0;
        int accepted = 0;
        int unavailable = 0;
        int noAnswer = 0;
        List<String> other = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> untruthful = new ArrayList<>();
        for (SteadyLoad.Sent request : sent) {
            int status = request.answer().status();
            switch (status) {
                case 201, 202 -> {
                    String id = request.answer().json().path("id").asText();
                    if (status == 201) {
                        created++;
                    } else {
                        accepted++;
                    }
                    if (!storedIds.contains(id) || pipeline.get(event, id).status() != 200) {
                        lost.add(request.name() + " " + id + " (" + status + ")");
                    }
                }
                case 503 -> {
                    unavailable++;
                    if (request.answer().retryAfter().isEmpty() || stored.containsKey(request.name())) {
                        untruthful.add(request.name() + ": " + request.answer().body());
                    }
                }
                case 0 -> noAnswer++;
                default -> other.add(request.name() + ": " + status + " " + request.answer().body());
            }
        }
        int duplicates = stored.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(stack.process(Service.PROCESSOR).isAlive()).isTrue();
        int orphansBefore = orphans(tenant, storedIds).size();

        // objects of no record: the sweep removes them once nothing could still need them
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            Pipeline.Answer report = Pipeline.sweep(stack.processorUrl(), stack.endpoints().serviceKeys());
            return report.status() == 200 && orphans(tenant, storedIds).isEmpty();
        });
        int orphansAfter = orphans(tenant, storedIds).size();
        assertThat(stack.objectKeys(tenant + "/")).as("every kept attachment keeps its object")
                .containsAll(storedIds.stream().map(id -> tenant + "/" + id).toList());

        FaultOutcome outcome = new FaultOutcome(name, sent.size(), created, accepted, unavailable, noAnswer,
                other.size(), lost.size(), duplicates, orphansBefore, orphansAfter, recovery);
        Files.writeString(TABLE, outcome.row() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        System.out.println(outcome.row());

        assertThat(lost).as("201/202 ids not readable").isEmpty();
        assertThat(duplicates).as("attachments stored twice").isZero();
        assertThat(untruthful).as("503 without Retry-After, or with something kept").isEmpty();
        assertThat(other).as("other answers").isEmpty();
        assertThat(created).as("the load ran").isGreaterThan(10);
        assertThat(stored.keySet()).as("nothing stored that was not sent")
                .allMatch(n -> n.startsWith(prefix + "-marker-") || sent.stream().anyMatch(r -> r.name().equals(n)));
    }

    /** The object keys under the tenant that no stored attachment has. */
    static List<String> orphans(String tenant, Set<String> storedIds) throws Exception {
        return stack.objectKeys(tenant + "/").stream()
                .filter(key -> !storedIds.contains(key.substring(tenant.length() + 1))).toList();
    }

    static Optional<Long> firstCreatedAfter(List<SteadyLoad.Sent> sent, long after) {
        return sent.stream().filter(r -> r.sentAt() >= after && r.answer().status() == 201)
                .map(SteadyLoad.Sent::answeredAt).min(Long::compare);
    }

    static String awaitCreated(Pipeline pipeline) {
        Pipeline.Answer[] created = new Pipeline.Answer[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> (created[0] = pipeline.createEvent()).status() == 201);
        return created[0].json().path("id").asText();
    }

    /** Adds attachments named {@code prefix}1, 2… until one is answered 201. */
    static void awaitMarker(Pipeline pipeline, String event, String prefix) {
        int[] attempt = {0};
        Predicate<Pipeline.Answer> created = answer -> answer.status() == 201;
        await().atMost(Duration.ofSeconds(60)).until(() -> created.test(pipeline.add(event,
                prefix + ++attempt[0] + ".txt")));
    }

    /** Lets time pass while the load runs: the length of a phase of the test, not a synchronisation. */
    static void pauseFor(Duration phase) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(phase.toMillis());
    }
}
